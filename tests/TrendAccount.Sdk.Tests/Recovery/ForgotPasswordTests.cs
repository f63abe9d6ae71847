using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Tests.Recovery;

public sealed class ForgotPasswordTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task RequestPasswordResetAsync_RegisteredAddress_MailsChangeYourPasswordNowLink()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(" JOHN@example.com", FlowHost.Captcha, ClientContext.Unknown));

        Assert.True(result.Succeeded);
        Assert.Equal(ForgotPasswordStatus.Accepted, result.Status);
        Assert.Equal("Check your email to reset your account password.", result.Message);
        await host.Work.WhenIdleAsync();
        var message = host.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordReset);
        Assert.NotNull(message);
        Assert.NotNull(message.Link);
        var token = FlowHost.TokenFrom(message.Link);
        Assert.Equal(SecureTokens.TokenLength, token.Length);
        Assert.Contains("change your password now", message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("change your password now", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(message.Link.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Equal(host.Mailer.LastLinkTo(Email), message.Link);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_LinkBaseWithQuery_IsHtmlEncodedInTheHtmlBody()
    {
        await using var host = FlowHost.Create(o => o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?lang=en&token="));
        await host.RegisterAsync(Serial, Email, Password);

        await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        await host.Work.WhenIdleAsync();

        var message = host.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordReset)!;
        Assert.StartsWith("https://accounts.example.com/reset?lang=en&token=", message.Link!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("lang=en&amp;token=", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=en&token=", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_UnknownAddress_SameAnswerAndNothingSent()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest("nobody@example.com", FlowHost.Captcha, ClientContext.Unknown));

        Assert.True(result.Succeeded);
        Assert.Equal(TrendAccountMessages.Default.PasswordResetRequested, result.Message);
        await host.Work.WhenIdleAsync();
        Assert.Empty(host.Mailer.Messages);
        Assert.Equal(0, host.Tokens.Count);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_AnswersBeforeAnyAccountWork_ForKnownAndUnknownAddresses()
    {
        await using var host = FlowHost.Create(build: SpyAccountStore.Install);
        await host.RegisterAsync(Serial, Email, Password);
        var spy = (SpyAccountStore)host.Provider.GetRequiredService<IAccountStore>();
        var before = spy.Calls(nameof(IAccountStore.FindByLookupKeyAsync));

        // Every store call now waits at the gate: if the response path touched the store, these would never return.
        spy.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var known = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        var unknown = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest("nobody@example.com", FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Message, unknown.Message);
        Assert.Empty(host.Mailer.Messages);
        spy.Gate.SetResult();
        await host.Work.WhenIdleAsync();
        Assert.Equal(before + 2, spy.Calls(nameof(IAccountStore.FindByLookupKeyAsync)));
        Assert.Single(host.Mailer.Messages);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_CaptchaFailed_LooksNothingUpAndSendsNothing()
    {
        await using var host = FlowHost.Create(build: SpyAccountStore.Install);
        await host.RegisterAsync(Serial, Email, Password);
        var spy = (SpyAccountStore)host.Provider.GetRequiredService<IAccountStore>();
        var before = spy.TotalCalls;

        var result = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, "wrong", ClientContext.Unknown));

        Assert.Equal(ForgotPasswordStatus.CaptchaFailed, result.Status);
        Assert.Equal(TrendAccountMessages.Default.CaptchaFailed, result.Message);
        await host.Work.WhenIdleAsync();
        Assert.Equal(before, spy.TotalCalls);
        Assert.Empty(host.Mailer.Messages);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_InvalidAddress_SaysSoFromTheInputAlone()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest("john@@example.com", FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(ForgotPasswordStatus.InvalidEmail, result.Status);
        Assert.NotEqual(EmailProblem.None, result.EmailProblem);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_Twice_OnlyTheNewestLinkWorks()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var older = (await host.RequestResetTokenAsync(Email))!;
        var newer = (await host.RequestResetTokenAsync(Email))!;

        var withOlder = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(older, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));
        var withNewer = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(newer, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));

        Assert.Equal(ResetPasswordStatus.InvalidLink, withOlder.Status);
        Assert.True(withNewer.Succeeded);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_OverThePerAddressLimit_SameAnswerNoMailUntilTheWindowPasses()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var answers = new List<ForgotPasswordResult>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, new ClientContext($"203.0.113.{i}"))));
        }

        await host.Work.WhenIdleAsync();
        Assert.All(answers, a => Assert.Equal(ForgotPasswordStatus.Accepted, a.Status));
        Assert.Single(answers.Select(a => a.Message).Distinct());
        Assert.Equal(3, host.Mailer.MessagesTo(Email).Count);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 1502);

        host.Time.Advance(TimeSpan.FromMinutes(15));
        await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        await host.Work.WhenIdleAsync();
        Assert.Equal(4, host.Mailer.MessagesTo(Email).Count);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_OverThePerClientLimit_SameAnswerNoMail()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.PasswordResetPerClient.PermitLimit = 2);
        var client = new ClientContext("203.0.113.50");
        for (var i = 0; i < 3; i++)
        {
            await host.RegisterAsync($"PQRS-1234-5678-9012-000{i}", $"user{i}@example.com", Password);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest($"user{i}@example.com", FlowHost.Captcha, client))).Succeeded);
        }

        await host.Work.WhenIdleAsync();
        Assert.Equal(2, host.Mailer.Messages.Count);
        Assert.Empty(host.Mailer.MessagesTo("user2@example.com"));
    }

    [Fact]
    public async Task RequestPasswordResetAsync_WhileLockedOut_StillSendsTheLink()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            await host.SignInAsync(Email, "wrong password");
        }

        var token = await host.RequestResetTokenAsync(Email);

        Assert.NotNull(token);
        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "brand new passphrase", "brand new passphrase", ClientContext.Unknown))).Succeeded);
        Assert.True((await host.SignInAsync(Email, "brand new passphrase", captcha: FlowHost.Captcha)).Succeeded);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_MailerThrows_LosesNothingAndLogsTheFailure()
    {
        var mailer = new FlakyMailer();
        await using var host = FlowHost.Create(mailer: mailer);
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var before = await host.AccountAsync(Email);

        mailer.Throw = true;
        var result = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        await host.Work.WhenIdleAsync();

        Assert.Equal(ForgotPasswordStatus.Accepted, result.Status);
        Assert.Equal(TrendAccountMessages.Default.PasswordResetRequested, result.Message);
        var after = await host.AccountAsync(Email);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(before.FailedSignInCount, after.FailedSignInCount);
        Assert.Equal(before.LockoutEnd, after.LockoutEnd);
        Assert.NotNull(await host.Accounts.ValidateSessionAsync(session));
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
        var failure = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1901);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Contains("j***n@e***e.com", failure.Message, StringComparison.Ordinal);

        // The queue keeps working: the next request is delivered.
        mailer.Throw = false;
        await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        await host.Work.WhenIdleAsync();
        Assert.Single(mailer.Sent, m => m.Kind == AccountMessageKind.PasswordReset);
    }

    private sealed class FlakyMailer : IAccountMailer
    {
        private readonly List<AccountMessage> _sent = [];

        public bool Throw { get; set; }

        public IReadOnlyList<AccountMessage> Sent
        {
            get
            {
                lock (_sent)
                {
                    return _sent.ToArray();
                }
            }
        }

        public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
        {
            if (Throw)
            {
                throw new InvalidOperationException("SMTP server said 451 try again later");
            }

            lock (_sent)
            {
                _sent.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
