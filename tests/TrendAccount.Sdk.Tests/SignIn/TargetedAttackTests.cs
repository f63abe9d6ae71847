using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;

namespace TrendAccount.Sdk.Tests.SignIn;

/// <summary>Issue #11 item 1: an attacker who knows only the address cannot keep the owner out, and learns nothing.</summary>
public sealed class TargetedAttackTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";
    private static readonly string DeviceKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static FlowHost NewHost(Action<TrendAccountOptions>? configure = null) => FlowHost.Create(o =>
    {
        o.SignIn.DeviceTokenKey = DeviceKey;
        configure?.Invoke(o);
    });

    private static SignInRequest Request(string email, string password, string ip, string? device = null, string? captcha = null) =>
        new(email, password) { Client = new ClientContext(ip), DeviceToken = device, CaptchaResponse = captcha };

    [Fact]
    public async Task SignInAsync_FiveWrongPasswordsFromFiveAddressesEveryFifteenMinutes_OwnerStillSignsInEveryRound()
    {
        // The attack from the issue: 5 wrong passwords from 5 addresses every 15 minutes, 4 rounds. On the old code
        // the owner's right password was refused in 4 of 4 rounds.
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Email, Password);
        var device = (await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7"))).DeviceToken;
        Assert.NotNull(device);

        var ownerSignedIn = 0;
        var ownerOnNewDevice = 0;
        for (var round = 0; round < 4; round++)
        {
            for (var attacker = 0; attacker < 5; attacker++)
            {
                var result = await host.Accounts.SignInAsync(Request(Email, "guess " + round + attacker, $"203.0.113.{attacker + 1}"));
                Assert.False(result.Succeeded);
            }

            var owner = await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7", device));
            if (owner.Succeeded)
            {
                ownerSignedIn++;
                device = owner.DeviceToken;
            }

            // On a device the SDK has never seen, the owner meets the step-up, and the captcha lets the right password in.
            var fresh = await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.8"));
            Assert.Equal(SignInStatus.CaptchaRequired, fresh.Status);
            Assert.Equal(host.Provider.GetRequiredService<TrendAccountMessages>().SignInCaptchaRequired, fresh.Message);
            if ((await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.8", captcha: FlowHost.Captcha))).Succeeded)
            {
                ownerOnNewDevice++;
            }

            host.Time.Advance(LockoutOptions.DefaultDuration);
        }

        Assert.Equal(4, ownerSignedIn);
        Assert.Equal(4, ownerOnNewDevice);
    }

    [Fact]
    public async Task SignInAsync_ExistingAndUnknownAddress_GiveTheSameSequenceOfResults()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Email, Password);

        async Task<List<(SignInStatus, string, TimeSpan?)>> Replay(string email)
        {
            var seen = new List<(SignInStatus, string, TimeSpan?)>();
            for (var i = 0; i < 8; i++)
            {
                var r = await host.Accounts.SignInAsync(Request(email, "wrong " + i, "203.0.113." + (i + 1)));
                seen.Add((r.Status, r.Message, r.RetryAfter));
            }

            var wrongWithCaptcha = await host.Accounts.SignInAsync(Request(email, "wrong again", "203.0.113.9", captcha: FlowHost.Captcha));
            seen.Add((wrongWithCaptcha.Status, wrongWithCaptcha.Message, wrongWithCaptcha.RetryAfter));
            var badCaptcha = await host.Accounts.SignInAsync(Request(email, "wrong again", "203.0.113.9", captcha: "not it"));
            seen.Add((badCaptcha.Status, badCaptcha.Message, badCaptcha.RetryAfter));
            return seen;
        }

        var existing = await Replay(Email);
        var unknown = await Replay("nobody@example.com");

        Assert.Equal(existing, unknown);
        Assert.Equal(SignInStatus.Failed, existing[4].Item1);
        Assert.Equal(SignInStatus.CaptchaRequired, existing[5].Item1);
        Assert.Equal(SignInStatus.Failed, existing[8].Item1);
        Assert.Equal(SignInStatus.CaptchaRequired, existing[9].Item1);
    }

    [Fact]
    public async Task SignInAsync_TrustedDevice_KeepsItsOwnBudgetAndLosesTrustPastIt()
    {
        await using var host = NewHost(o => o.SignIn.DeviceFailureBudget = 3);
        await host.RegisterAsync(Serial, Email, Password);
        var device = (await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7"))).DeviceToken;

        // Typos on the owner's device do not spend the address's budget...
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await host.Accounts.SignInAsync(Request(Email, "typo " + i, "198.51.100.7", device))).Status);
        }

        Assert.Equal(0, (await host.AccountAsync(Email)).FailedSignInCount);

        // ...but past its own budget the device is untrusted: its failures go to the address's budget, then the step-up.
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await host.Accounts.SignInAsync(Request(Email, "typo", "198.51.100.7", device))).Status);
        }

        Assert.Equal(SignInStatus.CaptchaRequired, (await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7", device))).Status);
    }

    [Fact]
    public async Task SignInAsync_DeviceTokenOfAnotherAddressOrTampered_IsNotTrusted()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Email, Password);
        await host.RegisterAsync("WXYZ-1234-5678-9012-3456", "mallory@example.com", Password);
        var mallorys = (await host.Accounts.SignInAsync(Request("mallory@example.com", Password, "203.0.113.1"))).DeviceToken!;
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            await host.Accounts.SignInAsync(Request(Email, "guess " + i, "203.0.113.1", mallorys));
        }

        var tampered = mallorys[..^2] + (mallorys[^2] == 'A' ? "B" : "A") + mallorys[^1];
        Assert.Equal(SignInStatus.CaptchaRequired, (await host.Accounts.SignInAsync(Request(Email, Password, "203.0.113.1", mallorys))).Status);
        Assert.Equal(SignInStatus.CaptchaRequired, (await host.Accounts.SignInAsync(Request(Email, Password, "203.0.113.1", tampered))).Status);
    }

    [Fact]
    public async Task SignInAsync_DeviceTokenPastItsLifetime_IsNotTrusted()
    {
        await using var host = NewHost(o => o.SignIn.DeviceTokenLifetime = TimeSpan.FromDays(30));
        await host.RegisterAsync(Serial, Email, Password);
        var device = (await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7"))).DeviceToken;
        host.Time.Advance(TimeSpan.FromDays(30));
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            await host.Accounts.SignInAsync(Request(Email, "guess " + i, "203.0.113.1"));
        }

        Assert.Equal(SignInStatus.CaptchaRequired, (await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7", device))).Status);
    }

    [Fact]
    public async Task SignInAsync_NoDeviceTokenKey_IssuesNoDeviceToken()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.SignInAsync(Email, Password);

        Assert.True(result.Succeeded);
        Assert.Null(result.DeviceToken);
    }

    [Fact]
    public async Task SignInAsync_AttackerSpendsTheBudgetAgainAfterTheOwnersSignIn_MailsOneLockoutNoticePerWindow()
    {
        await using var host = NewHost();
        await host.RegisterAsync(Serial, Email, Password);
        var device = (await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7"))).DeviceToken;

        for (var round = 0; round < 3; round++)
        {
            // An attacker who solves captchas (a captcha farm) spends the budget; the owner then signs in.
            for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
            {
                await host.Accounts.SignInAsync(Request(Email, "guess " + i, "203.0.113.1", captcha: FlowHost.Captcha));
            }

            var owner = await host.Accounts.SignInAsync(Request(Email, Password, "198.51.100.7", device));
            Assert.True(owner.Succeeded);
            device = owner.DeviceToken;
        }

        await host.Work.WhenIdleAsync();
        Assert.Single(host.Mailer.MessagesTo(Email), m => m.Kind == AccountMessageKind.LockoutNotice);

        host.Time.Advance(LockoutOptions.DefaultDuration);
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            await host.Accounts.SignInAsync(Request(Email, "guess " + i, "203.0.113.1", captcha: FlowHost.Captcha));
        }

        await host.Work.WhenIdleAsync();
        Assert.Equal(2, host.Mailer.MessagesTo(Email).Count(m => m.Kind == AccountMessageKind.LockoutNotice));
    }
}
