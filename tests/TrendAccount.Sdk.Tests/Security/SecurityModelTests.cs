using TrendAccount.Sdk.Testing;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk.Tests.Security;

/// <summary>Each guarantee of DESIGN.md's security model, one test each, end to end through the container.</summary>
public sealed class SecurityModelTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    private static CountingPasswordHasher NewSpy() =>
        new(new BcryptPasswordHasher(new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true }));

    private static async Task LockAsync(FlowHost host)
    {
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            await host.SignInAsync(Email, "wrong password " + i);
        }

        Assert.True((await host.AccountAsync(Email)).IsLockedOutAt(host.Time.GetUtcNow()));
    }

    [Fact]
    public async Task SignInAsync_UnknownEmailAndWrongPassword_ReturnSameResult()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var unknown = await host.SignInAsync("nobody@example.com", Password);
        var wrong = await host.SignInAsync(Email, "wrong password");

        Assert.Equal(unknown.Status, wrong.Status);
        Assert.Equal(unknown.Message, wrong.Message);
        Assert.Equal(unknown.Hints, wrong.Hints);
        Assert.Equal(unknown.Succeeded, wrong.Succeeded);
        Assert.Equal(unknown.SessionToken, wrong.SessionToken);
        Assert.Equal(unknown.ExpiresAt, wrong.ExpiresAt);
        Assert.Equal(unknown.AccountId, wrong.AccountId);
    }

    [Fact]
    public async Task SignInAsync_SpentBudgetOfAccountAndOfUnknownAddress_ReturnSameResult()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        await LockAsync(host);
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            await host.SignInAsync("nobody@example.com", "wrong password");
        }

        var unknown = await host.SignInAsync("nobody@example.com", Password);
        var owner = await host.SignInAsync(Email, Password);

        Assert.Equal(SignInStatus.CaptchaRequired, owner.Status);
        Assert.Equal((unknown.Status, unknown.Message, unknown.Hints, unknown.RetryAfter), (owner.Status, owner.Message, owner.Hints, owner.RetryAfter));
    }

    [Fact]
    public async Task SignInAsync_UnknownEmailWrongPasswordAndStepUp_EachDoTheSameVerificationWork()
    {
        var spy = NewSpy();
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(spy));
        await host.RegisterAsync(Serial, Email, Password);
        await host.SignInAsync("warm-up@example.com", Password);
        var hashesAfterWarmUp = spy.HashCalls;

        var before = spy.VerifyCalls;
        await host.SignInAsync("nobody@example.com", Password);
        Assert.Equal(before + 1, spy.VerifyCalls);

        before = spy.VerifyCalls;
        await host.SignInAsync(Email, "wrong password");
        Assert.Equal(before + 1, spy.VerifyCalls);

        // Past the budget, an untrusted client without a captcha answer is stopped before any verification, for an
        // account and an unknown address alike; with a solved captcha it costs one verification again.
        await LockAsync(host);
        before = spy.VerifyCalls;
        Assert.Equal(SignInStatus.CaptchaRequired, (await host.SignInAsync(Email, Password)).Status);
        Assert.Equal(before, spy.VerifyCalls);
        Assert.True((await host.SignInAsync(Email, Password, captcha: FlowHost.Captcha)).Succeeded);
        Assert.Equal(before + 1, spy.VerifyCalls);

        // The dummy hash is made once, at the current cost, not per attempt.
        Assert.Equal(hashesAfterWarmUp, spy.HashCalls);
    }

    [Fact]
    public async Task SignInAsync_UnknownEmail_VerifiesTheSameDummyHashEveryTimeNeverTheAccounts()
    {
        var spy = NewSpy();
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(spy));
        await host.RegisterAsync(Serial, Email, Password);
        var accountHash = (await host.AccountAsync(Email)).PasswordHash;

        await host.SignInAsync("nobody@example.com", Password);
        var dummy = spy.VerifiedHashes[^1];
        await host.SignInAsync("someone-else@example.com", Password);

        Assert.NotEqual(accountHash, dummy);
        Assert.Equal(dummy, spy.VerifiedHashes[^1]);
    }

    [Fact]
    public async Task SignInAsync_HasherWithItsOwnDummyHash_UnknownEmailUsesItOncePerAttempt()
    {
        var spy = new DummyCapableCountingHasher();
        await using var host = FlowHost.Create(build: b => b.UsePasswordHasher(spy));
        await host.RegisterAsync(Serial, Email, Password);

        await host.SignInAsync("nobody@example.com", Password);
        Assert.Equal((0, 1), (spy.VerifyCalls, spy.DummyCalls));

        await host.SignInAsync(Email, "wrong password");
        Assert.Equal((1, 1), (spy.VerifyCalls, spy.DummyCalls));

        await host.SignInAsync("nobody-else@example.com", Password);
        Assert.Equal((1, 2), (spy.VerifyCalls, spy.DummyCalls));
    }

    [Fact]
    public async Task SignInAsync_TrueReasonOfFailure_GoesToTheLogOnly()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        await host.SignInAsync("nobody@example.com", Password);
        await host.SignInAsync(Email, "wrong password");

        var failures = host.Logs.GetSnapshot().Where(r => r.Id.Id == 1201).Select(r => r.Message).ToArray();
        Assert.Contains(failures, m => m.Contains("UnknownEmail", StringComparison.Ordinal) && m.Contains("n***y@e*****e.com", StringComparison.Ordinal));
        Assert.Contains(failures, m => m.Contains("WrongPassword", StringComparison.Ordinal) && m.Contains("j***n@e*****e.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestPasswordResetAsync_ExistingAndUnknownAddress_AnswerTheSame()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var existing = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        var unknown = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest("nobody@example.com", FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(existing.Status, unknown.Status);
        Assert.Equal(existing.Message, unknown.Message);
        Assert.Equal(existing.Hints, unknown.Hints);
        Assert.Equal(existing.EmailProblem, unknown.EmailProblem);
        await host.Work.WhenIdleAsync();
        Assert.Single(host.Mailer.Messages);
        Assert.Equal(Email, host.Mailer.Messages[0].To);
    }

    [Fact]
    public async Task Tokens_OnlyTheirSha256IsStored()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var reset = (await host.RequestResetTokenAsync(Email))!;

        foreach (var token in new[] { session, reset })
        {
            Assert.Null(await host.Tokens.FindAsync(token, CancellationToken.None));
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
            var record = await host.Tokens.FindAsync(digest, CancellationToken.None);
            Assert.NotNull(record);
            Assert.Equal(32, Base64UrlDecodedLength(token));
        }
    }

    [Fact]
    public async Task Tokens_AreBoundToOnePurpose()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var reset = (await host.RequestResetTokenAsync(Email))!;

        Assert.Null(await host.Accounts.ValidateSessionAsync(reset));
        var asReset = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(session, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));
        Assert.Equal(ResetPasswordStatus.InvalidLink, asReset.Status);
        await host.Accounts.SignOutAsync(reset);
        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "brand new passphrase", "brand new passphrase", ClientContext.Unknown))).Succeeded);
    }

    [Fact]
    public async Task Tokens_AreBoundToTheSecurityStamp()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var reset = (await host.RequestResetTokenAsync(Email))!;
        var account = await host.AccountAsync(Email);

        // The stamp changes underneath (as a change on another node would): both tokens die with it.
        Assert.Equal(StoreWriteStatus.Succeeded, await host.Store.ChangePasswordAsync(account.Id, account.SecurityStamp, account.PasswordHash, AccountRecord.NewSecurityStamp(), CancellationToken.None));

        Assert.Null(await host.Accounts.ValidateSessionAsync(session));
        Assert.Equal(ResetPasswordStatus.InvalidLink, (await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "brand new passphrase", "brand new passphrase", ClientContext.Unknown))).Status);
    }

    [Fact]
    public async Task Tokens_ResetLinkIsSingleUse()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var reset = (await host.RequestResetTokenAsync(Email))!;

        var first = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));
        var second = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "another new passphrase", "another new passphrase", ClientContext.Unknown));

        Assert.True(first.Succeeded);
        Assert.Equal(ResetPasswordStatus.InvalidLink, second.Status);
        Assert.True((await host.SignInAsync(Email, "brand new passphrase")).Succeeded);
    }

    [Fact]
    public async Task Tokens_ResetLinkHasAShortLifetime()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var reset = (await host.RequestResetTokenAsync(Email))!;

        host.Time.Advance(TokenOptions.DefaultPasswordResetLifetime);

        Assert.Equal(ResetPasswordStatus.InvalidLink, (await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "brand new passphrase", "brand new passphrase", ClientContext.Unknown))).Status);
    }

    [Fact]
    public async Task ResetPasswordAsync_Success_ChangesHashConsumesTokenRotatesStampKillsSessionsClearsLockoutAndMails()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var reset = (await host.RequestResetTokenAsync(Email))!;
        await LockAsync(host);
        var before = await host.AccountAsync(Email);

        var result = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));

        Assert.True(result.Succeeded);
        Assert.Equal("Password Changed. Click Sign In to sign in with your new password.", result.Message);
        var after = await host.AccountAsync(Email);
        Assert.NotEqual(before.PasswordHash, after.PasswordHash);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.FailedSignInCount);
        Assert.NotNull((await host.Tokens.FindAsync(SecureTokens.TryComputeDigest(reset)!, CancellationToken.None))!.ConsumedAt);
        Assert.NotNull((await host.Tokens.FindAsync(SecureTokens.TryComputeDigest(session)!, CancellationToken.None))!.ConsumedAt);
        Assert.Null(await host.Accounts.ValidateSessionAsync(session));
        await host.Work.WhenIdleAsync();
        Assert.NotNull(host.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordChanged));

        // The caller is not signed in; the next step is "Sign In" (with the step-up: the address's budget for
        // untrusted clients is still spent, the reset proved the mailbox, not this client).
        Assert.True((await host.SignInAsync(Email, "brand new passphrase", captcha: FlowHost.Captcha)).Succeeded);
        Assert.False((await host.SignInAsync(Email, Password)).Succeeded);
    }

    [Fact]
    public async Task Passwords_LongerThan72Bytes_AreNeverTruncated()
    {
        await using var host = FlowHost.Create();

        // 50 characters of two UTF-8 bytes each: 100 bytes, beyond bcrypt's 72.
        var password = new string('é', 49) + "a";
        await host.RegisterAsync(Serial, Email, password);

        Assert.False((await host.SignInAsync(Email, new string('é', 49) + "b")).Succeeded);
        Assert.True((await host.SignInAsync(Email, password)).Succeeded);
    }

    [Fact]
    public async Task Passwords_WithNulOrLoneSurrogate_AreRefusedByThePolicyAndFailSignInCleanly()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        foreach (var bad in new[] { "pass\0word1234", "password\uD800abc" })
        {
            var registration = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, bad));
            Assert.Equal(RegistrationStatus.InvalidPassword, registration.Status);
            Assert.Contains(PasswordProblem.InvalidCharacters, registration.PasswordProblems);
        }

        await TestRegistrations.RegisterAndConfirmAsync(host.Provider, FlowHost.Registration(Serial, Email, Password));
        Assert.Equal(SignInStatus.Failed, (await host.SignInAsync(Email, "pass\0word1234")).Status);
        Assert.Equal(SignInStatus.Failed, (await host.SignInAsync(Email, "\uDC00")).Status);
    }

    private static int Base64UrlDecodedLength(string token) => System.Buffers.Text.Base64Url.DecodeFromChars(token).Length;
}
