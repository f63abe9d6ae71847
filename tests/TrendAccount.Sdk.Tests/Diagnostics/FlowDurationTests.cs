using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.Tests.Diagnostics;

/// <summary>
/// <c>trendaccount.flow.duration</c>: one measurement per <see cref="IAccountService"/> call, in seconds, tagged with the
/// flow and its public outcome, recorded around the facade.
/// </summary>
public sealed class FlowDurationTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";
    private static readonly TimeSpan VerifyTime = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task SignInAsync_Listened_RecordsSecondsTaggedWithFlowAndPublicOutcome()
    {
        using var factory = new TestMeterFactory();
        await using var host = FlowHost.Create(build: b =>
        {
            b.Services.AddSingleton<IMeterFactory>(factory);
            b.Services.AddSingleton<IPasswordHasher>(sp => new ClockAdvancingHasher(
                (FakeTimeProvider)sp.GetRequiredService<TimeProvider>(), new BcryptPasswordHasher(sp.GetRequiredService<IOptions<HashingOptions>>())));
        });
        using var durations = new MetricCollector<double>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.FlowDurationHistogram);
        await host.RegisterAsync(Serial, Email, Password);
        durations.Clear();

        await host.SignInAsync(Email, Password);
        await host.SignInAsync("nobody@example.com", Password);

        var measurements = durations.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal("sign_in", m.Tags[TrendAccountDiagnostics.FlowTag]));
        Assert.Equal(["succeeded", "failed"], measurements.Select(m => (string?)m.Tags[TrendAccountDiagnostics.OutcomeTag]));
        Assert.All(measurements, m => Assert.Equal(VerifyTime.TotalSeconds, m.Value));
        Assert.All(measurements, m => Assert.False(m.Tags.ContainsKey(TrendAccountDiagnostics.ErrorTypeTag)));
        Assert.Equal("s", durations.Instrument?.Unit);
    }

    [Fact]
    public async Task AccountService_EveryFlow_IsRecordedUnderItsOwnName()
    {
        using var factory = new TestMeterFactory();
        await using var host = FlowHost.Create(build: b => b.Services.AddSingleton<IMeterFactory>(factory));
        using var durations = new MetricCollector<double>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.FlowDurationHistogram);

        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        await host.Accounts.ValidateSessionAsync(session);
        await host.Accounts.SignOutAsync(session);
        await host.Accounts.ValidateSessionAsync(session);
        await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
        await host.Accounts.IsPasswordResetLinkValidAsync("not-a-token");
        await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));

        var recorded = durations.GetMeasurementSnapshot()
            .Select(m => $"{m.Tags[TrendAccountDiagnostics.FlowTag]}:{m.Tags[TrendAccountDiagnostics.OutcomeTag]}")
            .ToArray();
        Assert.Equal(
            [
                "activate_product:succeeded", "register:accepted", "confirm_registration:succeeded", "sign_in:succeeded", "validate_session:valid", "sign_out:succeeded",
                "validate_session:invalid", "request_password_reset:accepted", "check_reset_link:invalid", "recover_email:succeeded",
            ],
            recorded);
    }

    [Fact]
    public async Task SignInAsync_StoreOrHasherThrows_RecordsErrorWithTypeAndRethrows()
    {
        using var factory = new TestMeterFactory();
        await using var host = FlowHost.Create(build: b =>
        {
            b.Services.AddSingleton<IMeterFactory>(factory);
            b.Services.AddSingleton<IPasswordHasher>(new ThrowingHasher());
        });
        using var durations = new MetricCollector<double>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.FlowDurationHistogram);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignInAsync("nobody@example.com", Password));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("sign_in", measurement.Tags[TrendAccountDiagnostics.FlowTag]);
        Assert.Equal("error", measurement.Tags[TrendAccountDiagnostics.OutcomeTag]);
        Assert.Equal(typeof(InvalidOperationException).FullName, measurement.Tags[TrendAccountDiagnostics.ErrorTypeTag]);
    }

    /// <summary>Takes <see cref="VerifyTime"/> of fake time per verification, as a real hash would take real time.</summary>
    private sealed class ClockAdvancingHasher(FakeTimeProvider time, IPasswordHasher inner) : IPasswordHasher
    {
        public string HashPassword(string password) => inner.HashPassword(password);

        public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword)
        {
            time.Advance(VerifyTime);
            return inner.VerifyHashedPassword(hashedPassword, providedPassword);
        }
    }

    private sealed class ThrowingHasher : IPasswordHasher
    {
        public string HashPassword(string password) => throw new InvalidOperationException("broken hasher");

        public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword) =>
            throw new InvalidOperationException("broken hasher");
    }
}
