using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Tests.Recovery;

/// <summary>
/// Issue #11 item 2: an attacker cannot keep a customer's reset mail away by spending the per-address window.
/// Only requests that will send a mail charge the address; a request the client limit refused touches no window; a
/// trusted device of the owner gets its mail within its own budget.
/// </summary>
public sealed class ResetMailSuppressionTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Victim = "john@example.com";
    private const string Password = "correct horse battery";
    private static readonly string DeviceKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly ClientContext Attacker = new("203.0.113.66");
    private static readonly ClientContext VictimClient = new("198.51.100.7");

    private static FlowHost NewHost() => FlowHost.Create(o => o.SignIn.DeviceTokenKey = DeviceKey, RecordingAttemptCounter.Install);

    [Fact]
    public async Task RequestPasswordResetAsync_TenJunkAndThreeTargetedPerWindowForAnHour_VictimStillGetsMailEveryWindow()
    {
        // The attack from the issue: from one address, 10 junk requests then 3 for the victim every 15 minutes, for an
        // hour; the victim asks twice a window from their own client. Before the fix: 8 "Accepted" answers, 0 mails.
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Victim, Password);
        var accepted = 0;
        var windowsWithMail = 0;
        for (var window = 0; window < 4; window++)
        {
            for (var junk = 0; junk < 10; junk++)
            {
                await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest($"junk{window}-{junk}@example.net", FlowHost.Captcha, Attacker));
            }

            for (var targeted = 0; targeted < 3; targeted++)
            {
                Assert.True((await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, Attacker))).Succeeded);
            }

            await host.Work.WhenIdleAsync();
            var before = host.Mailer.MessagesTo(Victim).Count;
            Assert.Equal(0, before - (windowsWithMail * 2)); // the attacker's targeted requests sent nothing
            for (var ask = 0; ask < 2; ask++)
            {
                if ((await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, VictimClient))).Succeeded)
                {
                    accepted++;
                }
            }

            await host.Work.WhenIdleAsync();
            if (host.Mailer.MessagesTo(Victim).Count > before)
            {
                windowsWithMail++;
            }

            host.Time.Advance(TimeSpan.FromMinutes(15));
        }

        var mails = host.Mailer.MessagesTo(Victim).Count(m => m.Kind == AccountMessageKind.PasswordReset);
        Console.WriteLine($"item 2 replay: victim answers accepted {accepted}/8, reset mails received in the hour {mails}, windows with mail {windowsWithMail}/4");
        Assert.Equal(8, accepted);
        Assert.Equal(4, windowsWithMail);
        Assert.Equal(8, mails);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_RefusedByTheClientLimit_OpensNoWindow()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Victim, Password);
        var counter = host.Provider.GetRequiredService<RecordingAttemptCounter>();
        for (var junk = 0; junk < 10; junk++)
        {
            await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest($"junk{junk}@example.net", FlowHost.Captcha, Attacker));
        }

        await host.Work.WhenIdleAsync();
        var keysAfterJunk = counter.KeysOpened.Where(k => k.StartsWith("recovery", StringComparison.Ordinal)).ToHashSet();

        // 300 more requests, each for a different address, all refused by the spent client window.
        for (var i = 0; i < 300; i++)
        {
            await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(i == 0 ? Victim : $"spray{i}@example.net", FlowHost.Captcha, Attacker));
        }

        await host.Work.WhenIdleAsync();
        var keysAfter = counter.KeysOpened.Where(k => k.StartsWith("recovery", StringComparison.Ordinal)).ToHashSet();

        // Junk for addresses with no account sends nothing, so it charges no address: one window, the attacker's client.
        Assert.Single(keysAfterJunk);
        Assert.Equal(keysAfterJunk, keysAfter);
        Assert.DoesNotContain(host.Mailer.MessagesTo(Victim), m => m.Kind == AccountMessageKind.PasswordReset);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_AddressWindowSpentByOthers_OwnersTrustedDeviceStillGetsItsMail()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Victim, Password);
        var device = (await host.Accounts.SignInAsync(new SignInRequest(Victim, Password) { Client = VictimClient })).DeviceToken;
        Assert.NotNull(device);

        // Three attackers from three addresses spend the victim's address window (each passes its own client limit).
        for (var i = 0; i < 3; i++)
        {
            await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, new ClientContext($"203.0.113.{i + 1}")));
        }

        await host.Work.WhenIdleAsync();
        var spent = host.Mailer.MessagesTo(Victim).Count;

        var untrusted = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, new ClientContext("198.51.100.99")));
        await host.Work.WhenIdleAsync();
        var afterUntrusted = host.Mailer.MessagesTo(Victim).Count;

        var trusted = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, VictimClient) { DeviceToken = device });
        await host.Work.WhenIdleAsync();
        var afterTrusted = host.Mailer.MessagesTo(Victim).Count;

        Assert.Equal(3, spent);
        Assert.Equal(untrusted.Message, trusted.Message);
        Assert.Equal(spent, afterUntrusted);
        Assert.Equal(spent + 1, afterTrusted);

        // The newest link (the trusted device's) works.
        var token = FlowHost.TokenFrom(host.Mailer.LastMessageTo(Victim, AccountMessageKind.PasswordReset)!.Link!);
        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "brand new passphrase", "brand new passphrase", VictimClient))).Succeeded);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_TrustedDevice_HasOnlyItsOwnSmallBudget()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Victim, Password);
        var device = (await host.Accounts.SignInAsync(new SignInRequest(Victim, Password) { Client = VictimClient })).DeviceToken;
        var budget = new RateLimitOptions().PasswordResetPerDevice.PermitLimit;

        for (var i = 0; i < budget + 3; i++)
        {
            Assert.True((await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, VictimClient) { DeviceToken = device })).Succeeded);
        }

        await host.Work.WhenIdleAsync();
        Assert.Equal(budget, host.Mailer.MessagesTo(Victim).Count);
    }

    [Fact]
    public async Task RequestPasswordResetAsync_DeviceTokenOfAnotherAddress_IsAnUntrustedClient()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Victim, Password);
        await host.RegisterAsync("PQRS-1234-5678-9012-0001", "mallory@example.com", Password);
        var mallorys = (await host.Accounts.SignInAsync(new SignInRequest("mallory@example.com", Password) { Client = Attacker })).DeviceToken;
        for (var i = 0; i < 3; i++)
        {
            await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, new ClientContext($"203.0.113.{i + 1}")));
        }

        await host.Work.WhenIdleAsync();
        await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Victim, FlowHost.Captcha, Attacker) { DeviceToken = mallorys });
        await host.Work.WhenIdleAsync();

        Assert.Equal(3, host.Mailer.MessagesTo(Victim).Count);
    }
}
