namespace TrendAccount.Sdk.Tests.Recovery;

public sealed class ResetPasswordTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";
    private const string NewPassword = "brand new passphrase";

    [Fact]
    public async Task ResetPasswordAsync_PolicyProblems_AreReportedWithoutConsumingTheLink()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.RequestResetTokenAsync(Email))!;

        var tooShort = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "short", "short", ClientContext.Unknown));
        var mismatch = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword + "!", ClientContext.Unknown));
        var tooLong = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, new string('x', 51), new string('x', 51), ClientContext.Unknown));
        var isEmail = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Email, Email, ClientContext.Unknown));

        Assert.Equal([PasswordProblem.TooShort], tooShort.PasswordProblems);
        Assert.Equal("Your password should be between 8 and 50 characters long.", tooShort.Message);
        Assert.Equal([PasswordProblem.ConfirmationMismatch], mismatch.PasswordProblems);
        Assert.Equal([PasswordProblem.TooLong], tooLong.PasswordProblems);
        Assert.Contains(PasswordProblem.ContainsAccountDetails, isEmail.PasswordProblems);
        Assert.All(new[] { tooShort, mismatch, tooLong, isEmail }, r => Assert.Equal(ResetPasswordStatus.InvalidPassword, r.Status));
        Assert.Null((await host.Tokens.FindAsync(SecureTokens.TryComputeDigest(token)!, CancellationToken.None))!.ConsumedAt);

        var ok = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, ClientContext.Unknown));
        Assert.True(ok.Succeeded);
    }

    [Fact]
    public async Task ResetPasswordAsync_UnknownExpiredUsedAndWrongPurposeLinks_GetOneGenericAnswer()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var used = (await host.RequestResetTokenAsync(Email))!;
        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(used, NewPassword, NewPassword, ClientContext.Unknown))).Succeeded);
        var expired = (await host.RequestResetTokenAsync(Email))!;
        host.Time.Advance(TimeSpan.FromHours(1));

        var answers = new List<ResetPasswordResult>();
        foreach (var token in new[] { SecureTokens.Issue().Token, expired, used, session, "garbage", string.Empty })
        {
            answers.Add(await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "another passphrase", "another passphrase", ClientContext.Unknown)));
        }

        Assert.All(answers, a => Assert.Equal(ResetPasswordStatus.InvalidLink, a.Status));
        Assert.Single(answers.Select(a => a.Message).Distinct());
        Assert.Equal(TrendAccountMessages.Default.ResetLinkInvalid, answers[0].Message);
        Assert.True((await host.SignInAsync(Email, NewPassword)).Succeeded);
    }

    [Fact]
    public async Task IsPasswordResetLinkValidAsync_LinkLifecycle_TrueOnlyWhileTheLinkWouldWork()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var token = (await host.RequestResetTokenAsync(Email))!;

        Assert.True(await host.Accounts.IsPasswordResetLinkValidAsync(token));
        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword + "!", ClientContext.Unknown));
        Assert.True(await host.Accounts.IsPasswordResetLinkValidAsync(token));
        Assert.Null((await host.Tokens.FindAsync(SecureTokens.TryComputeDigest(token)!, CancellationToken.None))!.ConsumedAt);

        foreach (var other in new[] { session, SecureTokens.Issue().Token, "garbage", string.Empty, null })
        {
            Assert.False(await host.Accounts.IsPasswordResetLinkValidAsync(other));
        }

        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, ClientContext.Unknown))).Succeeded);
        Assert.False(await host.Accounts.IsPasswordResetLinkValidAsync(token));

        var expiring = (await host.RequestResetTokenAsync(Email))!;
        Assert.True(await host.Accounts.IsPasswordResetLinkValidAsync(expiring));
        host.Time.Advance(TokenOptions.DefaultPasswordResetLifetime);
        Assert.False(await host.Accounts.IsPasswordResetLinkValidAsync(expiring));
    }

    [Fact]
    public async Task IsPasswordResetLinkValidAsync_CredentialsChangedSinceIssue_False()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var first = (await host.RequestResetTokenAsync(Email))!;
        var second = (await host.RequestResetTokenAsync(Email))!;
        var account = await host.AccountAsync(Email);

        // Another change of the credentials (a reset through a different path) rotates the stamp.
        Assert.Equal(StoreWriteStatus.Succeeded, await host.Store.ChangePasswordAsync(account.Id, account.SecurityStamp, account.PasswordHash, AccountRecord.NewSecurityStamp(), CancellationToken.None));

        Assert.False(await host.Accounts.IsPasswordResetLinkValidAsync(first));
        Assert.False(await host.Accounts.IsPasswordResetLinkValidAsync(second));
    }

    [Fact]
    public async Task ResetPasswordAsync_TooManyBadLinksFromOneClient_Throttled()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.InvalidResetTokensPerClient.PermitLimit = 3);
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.RequestResetTokenAsync(Email))!;
        var attacker = new ClientContext("203.0.113.66");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ResetPasswordStatus.InvalidLink, (await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(SecureTokens.Issue().Token, NewPassword, NewPassword, attacker))).Status);
        }

        var throttled = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, attacker));
        var otherClient = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, new ClientContext("203.0.113.67")));

        Assert.Equal(ResetPasswordStatus.RateLimited, throttled.Status);
        Assert.Equal(TrendAccountMessages.Default.TooManyAttempts, throttled.Message);
        Assert.True(otherClient.Succeeded);

        host.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(ResetPasswordStatus.InvalidLink, (await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, attacker))).Status);
    }

    [Fact]
    public async Task ResetPasswordAsync_TwoHundredParallelRedemptions_ExactlyOneSucceeds()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.RequestResetTokenAsync(Email))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, $"new passphrase {i:D3}", $"new passphrase {i:D3}", new ClientContext($"10.0.{i / 250}.{i % 250}"))))));

        var winner = Assert.Single(Enumerable.Range(0, 200), i => results[i].Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ResetPasswordStatus.InvalidLink, r.Status));
        Assert.NotNull((await host.Tokens.FindAsync(SecureTokens.TryComputeDigest(token)!, CancellationToken.None))!.ConsumedAt);
        Assert.True((await host.SignInAsync(Email, $"new passphrase {winner:D3}")).Succeeded);
        Assert.False((await host.SignInAsync(Email, $"new passphrase {(winner + 1) % 200:D3}")).Succeeded);
        await host.Work.WhenIdleAsync();
        Assert.Single(host.Mailer.Messages, m => m.Kind == AccountMessageKind.PasswordChanged);
    }

    [Fact]
    public async Task ResetPasswordAsync_Success_MailsPasswordChangedNotice()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.RequestResetTokenAsync(Email))!;

        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, NewPassword, NewPassword, ClientContext.Unknown));
        await host.Work.WhenIdleAsync();

        var notice = host.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordChanged);
        Assert.NotNull(notice);
        Assert.Null(notice.Link);
        Assert.DoesNotContain(NewPassword, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 09:00 UTC", notice.TextBody, StringComparison.Ordinal);
    }
}
