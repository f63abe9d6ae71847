using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Tests.Recovery;

/// <summary>Every recovery limit lives in the registered <see cref="IAttemptCounter"/>, so a host's shared counter covers them all.</summary>
public sealed class RecoveryLimitsTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task RecoveryLimits_HostRegisteredCounter_HoldsEveryRecoveryWindow()
    {
        await using var host = FlowHost.Create(build: RecordingAttemptCounter.Install);
        var counter = host.Provider.GetRequiredService<RecordingAttemptCounter>();
        await host.RegisterAsync("PQRS-1234-5678-9012-3456", "john@example.com", Password);
        var client = new ClientContext("203.0.113.7");

        await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest("john@example.com", FlowHost.Captcha, client));
        await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("PQRS-1234-5678-9012-3456", FlowHost.Captcha, client));
        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest("not-a-token", "brand new passphrase", "brand new passphrase", client));
        await host.Work.WhenIdleAsync();

        // Reset per client, reset per address (charged once the mail will go), recovery per client, invalid links per client.
        Assert.Equal(4, counter.KeysOpened.Count(k => k.StartsWith("recovery", StringComparison.Ordinal)));
        Assert.Equal(0, host.Provider.GetRequiredService<InMemoryAttemptCounter>().Count);
    }

    [Fact]
    public async Task RecoveryLimits_HostRegisteredCounter_IsWhatRefuses()
    {
        // Two "nodes" share one counter: the second node's container sees the first node's window.
        await using var first = FlowHost.Create(o => o.RateLimits.EmailRecoveryPerClient.PermitLimit = 2, RecordingAttemptCounter.Install);
        var shared = first.Provider.GetRequiredService<RecordingAttemptCounter>();
        await using var second = FlowHost.Create(o => o.RateLimits.EmailRecoveryPerClient.PermitLimit = 2, b => b.Services.AddSingleton<IAttemptCounter>(shared));
        var client = new ClientContext("203.0.113.8");

        var one = await first.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("PQRS-1234-5678-9012-3456", FlowHost.Captcha, client));
        var two = await second.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("PQRS-1234-5678-9012-3456", FlowHost.Captcha, client));
        var three = await first.Accounts.RecoverEmailAsync(new EmailRecoveryRequest("PQRS-1234-5678-9012-3456", FlowHost.Captcha, client));

        Assert.NotEqual(EmailRecoveryStatus.RateLimited, one.Status);
        Assert.NotEqual(EmailRecoveryStatus.RateLimited, two.Status);
        Assert.Equal(EmailRecoveryStatus.RateLimited, three.Status);
    }
}
