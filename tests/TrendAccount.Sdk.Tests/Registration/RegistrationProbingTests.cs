using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Tests.Registration;

/// <summary>
/// Issue #11 item 3, replayed at the default limits: one activated serial probing many addresses from one client.
/// Before the change an existing address answered <c>Failed</c> and a new one <c>Registered</c>, the serial was never
/// consumed, nothing limited the probes and each one verified the victim's password (counting toward the lockout).
/// </summary>
public sealed class RegistrationProbingTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Probe = "WXYZ-1234-5678-9012-3456";
    private const string Victim = "victim@example.com";
    private const string Password = "correct horse battery";
    private const string Attacker = "203.0.113.66";

    [Fact]
    public async Task RegisterAsync_OneSerialProbingManyAddresses_SameAnswersNoOracleNoLockoutThenRefused()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Victim, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Probe));
        var limit = new RateLimitOptions().RegistrationPerClient.PermitLimit;

        // Existing and new addresses, alternating, from one client: every answer is the same.
        var answers = new List<RegistrationResult>();
        for (var i = 0; i < limit; i++)
        {
            var address = i % 2 == 0 ? Victim : $"stranger{i}@example.com";
            answers.Add(await host.Accounts.RegisterAsync(FlowHost.Registration(Probe, address, $"attacker guess {i}", ip: Attacker)));
        }

        Assert.All(answers, a => Assert.Equal(
            (RegistrationStatus.Accepted, TrendAccountMessages.Default.RegistrationAccepted, InputHints.None, Probe),
            (a.Status, a.Message, a.Hints, a.Serial)));

        // The per-client limit refuses the next probe, whatever the address; a missing captcha is refused before it.
        var over = await host.Accounts.RegisterAsync(FlowHost.Registration(Probe, "another@example.com", Password, ip: Attacker));
        var noCaptcha = await host.Accounts.RegisterAsync(new RegistrationRequest(Probe, Victim, Password, Password, null, new ClientContext("198.51.100.9")));
        Assert.Equal(RegistrationStatus.TooManyAttempts, over.Status);
        Assert.Equal(RegistrationStatus.CaptchaFailed, noCaptcha.Status);

        // The serial is no oracle: still unlinked, and it answers the same as before the probes.
        await host.Work.WhenIdleAsync();
        Assert.Null((await host.Store.FindSerialAsync(Probe, CancellationToken.None))!.AccountId);
        var again = await host.Accounts.RegisterAsync(FlowHost.Registration(Probe, Victim, Password, ip: "198.51.100.10"));
        Assert.Equal(answers[0].Status, again.Status);

        // No probe counted toward the victim: no failures, no step-up budget spent, the owner signs in without a captcha.
        var counter = host.Provider.GetRequiredService<IAttemptCounter>();
        var lookupKey = CredentialNormalizer.Default.NormalizeEmail(Victim).LookupKey!;
        Assert.Equal(0, (await counter.GetAsync(LimitKeys.AddressFailures(lookupKey), CancellationToken.None)).Count);
        Assert.Equal(0, (await host.AccountAsync(Victim)).FailedSignInCount);
        Assert.Equal(SignInStatus.Succeeded, (await host.SignInAsync(Victim, Password)).Status);

        // Only the confirmation links create accounts; the probes created none.
        Assert.Equal(1, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_RefusedByCaptchaOrLimit_OpensNoWindow()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.RegistrationPerClient.PermitLimit = 1);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Probe));
        var counter = host.Provider.GetRequiredService<InMemoryAttemptCounter>();
        Assert.Equal(RegistrationStatus.Accepted, (await host.Accounts.RegisterAsync(FlowHost.Registration(Probe, Victim, Password, ip: Attacker))).Status);
        var windows = counter.Count;

        for (var i = 0; i < 50; i++)
        {
            var address = $"probe{i}@example.com";
            Assert.Equal(RegistrationStatus.TooManyAttempts, (await host.Accounts.RegisterAsync(FlowHost.Registration(Probe, address, Password, ip: Attacker))).Status);
            var noCaptcha = new RegistrationRequest(Probe, address, Password, Password, "wrong", new ClientContext($"198.51.100.{i}"));
            Assert.Equal(RegistrationStatus.CaptchaFailed, (await host.Accounts.RegisterAsync(noCaptcha)).Status);
        }

        Assert.Equal(windows, counter.Count);
    }

    [Fact]
    public async Task RegisterAsync_UnknownClient_NotLimitedPerClientAndWarnedOnce()
    {
        // No pooled "unknown" partition: one unidentified client cannot spend the limit for every other one.
        await using var host = FlowHost.Create(o => o.RateLimits.RegistrationPerClient.PermitLimit = 1);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Probe));

        for (var i = 0; i < 5; i++)
        {
            var request = new RegistrationRequest(Probe, $"user{i}@example.com", Password, Password, FlowHost.Captcha, ClientContext.Unknown);
            Assert.Equal(RegistrationStatus.Accepted, (await host.Accounts.RegisterAsync(request)).Status);
        }

        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1252);
    }

    [Fact]
    public async Task RegisterAsync_AddressMailLimit_SharedThroughTheCounterPort()
    {
        // The per-address mail window lives in IAttemptCounter, so a host sharing the counter shares the limit.
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Probe));
        var counter = host.Provider.GetRequiredService<IAttemptCounter>();
        var lookupKey = CredentialNormalizer.Default.NormalizeEmail(Victim).LookupKey!;
        var perAddress = new RateLimitOptions().RegistrationPerAddress.PermitLimit;

        for (var i = 0; i < perAddress + 2; i++)
        {
            await host.Accounts.RegisterAsync(FlowHost.Registration(Probe, Victim, Password, ip: $"198.51.100.{i}"));
        }

        await host.Work.WhenIdleAsync();
        Assert.Equal(perAddress, (await counter.GetAsync(LimitKeys.RegistrationMails(lookupKey), CancellationToken.None)).Count);
        Assert.Equal(perAddress, host.Mailer.MessagesTo(Victim).Count());
    }
}
