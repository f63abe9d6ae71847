using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Tests.Recovery;

public sealed class EmailRecoveryTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task RecoverEmailAsync_RegisteredSerial_ShowsMaskedAddressAndMailsReminder()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("pqrs 1234 5678 9012 3456", FlowHost.Captcha, ClientContext.Unknown));

        Assert.True(result.Succeeded);
        Assert.Equal("j***n@e***e.com", result.MaskedEmail);
        Assert.Contains("j***n@e***e.com", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, result.Message, StringComparison.Ordinal);
        await host.Work.WhenIdleAsync();
        var reminder = host.Mailer.LastMessageTo(Email, AccountMessageKind.EmailReminder);
        Assert.NotNull(reminder);
        Assert.Contains(Email, reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains(Email, reminder.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Serial, reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverEmailAsync_DisclosureOff_ShowsNothingAndOnlyMails()
    {
        await using var host = FlowHost.Create(o => o.Recovery.DiscloseMaskedEmail = false);
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));

        Assert.True(result.Succeeded);
        Assert.Null(result.MaskedEmail);
        Assert.DoesNotContain("@", result.Message, StringComparison.Ordinal);
        await host.Work.WhenIdleAsync();
        Assert.NotNull(host.Mailer.LastMessageTo(Email, AccountMessageKind.EmailReminder));
    }

    [Fact]
    public async Task RecoverEmailAsync_CaptchaFailed_LooksNothingUpAndSendsNothing()
    {
        await using var host = FlowHost.Create(build: SpyAccountStore.Install);
        await host.RegisterAsync(Serial, Email, Password);
        var spy = (SpyAccountStore)host.Provider.GetRequiredService<IAccountStore>();
        var before = spy.TotalCalls;

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, "wrong captcha", ClientContext.Unknown));

        Assert.Equal(EmailRecoveryStatus.CaptchaFailed, result.Status);
        Assert.Null(result.MaskedEmail);
        Assert.Equal(before, spy.TotalCalls);
        await host.Work.WhenIdleAsync();
        Assert.Empty(host.Mailer.Messages);
    }

    [Fact]
    public async Task RecoverEmailAsync_ResellerSerial_GetsResellerGuidance()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("TABC-1234-5678-9012-3456", FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(EmailRecoveryStatus.ResellerSerial, result.Status);
        Assert.Equal(SerialOptions.DefaultResellerContact, result.ResellerContact);
        Assert.Contains("Best Buy", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverEmailAsync_MalformedSerial_GetsSerialGuidance()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("12345", FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(EmailRecoveryStatus.MalformedSerial, result.Status);
        Assert.Equal(TrendAccountMessages.Default.MalformedSerial, result.Message);
    }

    [Fact]
    public async Task RecoverEmailAsync_UnknownOrUnactivatedSerial_SaysInstallAndActivateFirst()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(EmailRecoveryStatus.SerialNotActivated, result.Status);
        Assert.Equal(TrendAccountMessages.Default.NotActivated, result.Message);
    }

    [Fact]
    public async Task RecoverEmailAsync_ActivatedButUnregisteredSerial_SaysCreateTheAccount()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));

        Assert.Equal(EmailRecoveryStatus.SerialNotRegistered, result.Status);
        await host.Work.WhenIdleAsync();
        Assert.Empty(host.Mailer.Messages);
    }

    [Fact]
    public async Task RecoverEmailAsync_TooManyFromOneClient_RateLimitedUntilTheWindowPasses()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.EmailRecoveryPerClient.PermitLimit = 3);
        await host.RegisterAsync(Serial, Email, Password);
        var client = new ClientContext("198.51.100.7");

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, client))).Succeeded);
        }

        var limited = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, client));
        var otherClient = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, new ClientContext("198.51.100.8")));
        host.Time.Advance(TimeSpan.FromMinutes(15));
        var later = await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, client));

        Assert.Equal(EmailRecoveryStatus.RateLimited, limited.Status);
        Assert.Null(limited.MaskedEmail);
        Assert.True(otherClient.Succeeded);
        Assert.True(later.Succeeded);
        await host.Work.WhenIdleAsync();
        Assert.Equal(5, host.Mailer.MessagesTo(Email).Count(m => m.Kind == AccountMessageKind.EmailReminder));
    }
}
