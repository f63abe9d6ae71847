namespace TrendAccount.Sdk.Tests.SignIn;

public sealed class SignInTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task SignInAsync_RightCredentials_IssuesSessionThatValidates()
    {
        await using var host = FlowHost.Create();
        var registration = await host.RegisterAsync(Serial, Email, Password);

        var result = await host.SignInAsync(Email, Password);

        Assert.True(result.Succeeded);
        Assert.Equal(SignInStatus.Succeeded, result.Status);
        Assert.Equal(TrendAccountMessages.Default.SignedIn, result.Message);
        Assert.Equal(registration.AccountId, result.AccountId);
        Assert.Equal(SecureTokens.TokenLength, result.SessionToken!.Length);
        Assert.Equal(FlowHost.Start + TokenOptions.DefaultSessionIdleTimeout, result.ExpiresAt);
        var session = await host.Accounts.ValidateSessionAsync(result.SessionToken);
        Assert.NotNull(session);
        Assert.Equal(registration.AccountId, session.AccountId);
        Assert.Equal(Email, session.Email);
    }

    [Fact]
    public async Task SignInAsync_EmailWithExtraSpacesAndCapitals_SignsInAndHintsAtSpaces()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.SignInAsync("  John@EXAMPLE.com ", Password);

        Assert.True(result.Succeeded);
        Assert.True(result.Hints.HasFlag(InputHints.SurroundingWhitespace));
    }

    [Fact]
    public async Task SignInAsync_WrongPassword_ReturnsTheArticlesGenericMessage()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.SignInAsync(Email, "wrong password!");

        Assert.False(result.Succeeded);
        Assert.Equal(SignInStatus.Failed, result.Status);
        Assert.Equal("You did not provide the right information. Please try again.", result.Message);
        Assert.Null(result.SessionToken);
        Assert.Null(result.AccountId);
    }

    [Fact]
    public async Task SignInAsync_PasswordWithTrailingSpace_IsNotTrimmedAndHintsAtSpaces()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.SignInAsync(Email, Password + " ");

        Assert.False(result.Succeeded);
        Assert.True(result.Hints.HasFlag(InputHints.SurroundingWhitespace));
    }

    [Fact]
    public async Task SignInAsync_FiveFailures_LocksForFifteenMinutesAndMailsOneNotice()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            Assert.False((await host.SignInAsync(Email, "wrong password " + i)).Succeeded);
        }

        var account = await host.AccountAsync(Email);
        Assert.Equal(FlowHost.Start + LockoutOptions.DefaultDuration, account.LockoutEnd);
        Assert.False((await host.SignInAsync(Email, Password)).Succeeded);
        Assert.False((await host.SignInAsync(Email, "still wrong")).Succeeded);
        await host.Work.WhenIdleAsync();
        Assert.Single(host.Mailer.MessagesTo(Email), m => m.Kind == AccountMessageKind.LockoutNotice);

        host.Time.Advance(LockoutOptions.DefaultDuration - TimeSpan.FromSeconds(1));
        Assert.False((await host.SignInAsync(Email, Password)).Succeeded);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
        var after = await host.AccountAsync(Email);
        Assert.Equal(0, after.FailedSignInCount);
    }

    [Fact]
    public async Task SignInAsync_Success_ResetsTheFailureCounter()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts - 1; i++)
            {
                await host.SignInAsync(Email, "wrong password");
            }

            Assert.Equal(LockoutOptions.DefaultMaximumFailedAttempts - 1, (await host.AccountAsync(Email)).FailedSignInCount);
            Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
            Assert.Equal(0, (await host.AccountAsync(Email)).FailedSignInCount);
        }

        Assert.Null((await host.AccountAsync(Email)).LockoutEnd);
    }

    [Fact]
    public async Task SignInAsync_LockoutDisabled_NeverLocks()
    {
        await using var host = FlowHost.Create(o => o.Lockout.Enabled = false);
        await host.RegisterAsync(Serial, Email, Password);

        for (var i = 0; i < 12; i++)
        {
            await host.SignInAsync(Email, "wrong password");
        }

        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
        await host.Work.WhenIdleAsync();
        Assert.DoesNotContain(host.Mailer.Messages, m => m.Kind == AccountMessageKind.LockoutNotice);
    }

    [Fact]
    public async Task SignInAsync_TwoHundredParallelWrongPasswords_ExactlyOneLockoutAndOneNotice()
    {
        // Queue room for all 200, so that every attempt reaches the guard (overflow has its own tests).
        await using var host = FlowHost.Create(o => o.SignIn.MaximumQueuedVerifications = 200);
        await host.RegisterAsync(Serial, Email, Password);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => host.SignInAsync(Email, "wrong password " + i))));

        // Those checked before the budget was spent fail; the rest meet the step-up.
        Assert.All(results, r => Assert.Contains(r.Status, new[] { SignInStatus.Failed, SignInStatus.CaptchaRequired }));
        Assert.True(results.Count(r => r.Status == SignInStatus.Failed) >= LockoutOptions.DefaultMaximumFailedAttempts);
        await host.Work.WhenIdleAsync();
        Assert.Single(host.Mailer.Messages, m => m.Kind == AccountMessageKind.LockoutNotice);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1202);
        var account = await host.AccountAsync(Email);
        Assert.Equal(FlowHost.Start + LockoutOptions.DefaultDuration, account.LockoutEnd);
        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public async Task SignInAsync_HasherSaysRehashNeeded_StoresAnUpgradedHashThatStillVerifies()
    {
        var spy = new CountingPasswordHasher(new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true }));
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(spy));
        await host.RegisterAsync(Serial, Email, Password);
        var before = (await host.AccountAsync(Email)).PasswordHash;
        var stamp = (await host.AccountAsync(Email)).SecurityStamp;

        spy.ForceRehash = true;
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);

        var after = await host.AccountAsync(Email);
        Assert.NotEqual(before, after.PasswordHash);
        Assert.Equal(stamp, after.SecurityStamp);
        spy.ForceRehash = false;
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
    }

    [Fact]
    public async Task SignInAsync_InvalidEmail_FailsGenericallyWithoutVerifying()
    {
        var spy = new CountingPasswordHasher(new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true }));
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(spy));

        var result = await host.SignInAsync("john@@example.com", Password);

        Assert.Equal(SignInStatus.Failed, result.Status);
        Assert.Equal(TrendAccountMessages.Default.WrongInformation, result.Message);
        Assert.Equal(0, spy.VerifyCalls);
    }
}
