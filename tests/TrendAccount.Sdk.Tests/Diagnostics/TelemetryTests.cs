using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace TrendAccount.Sdk.Tests.Diagnostics;

public sealed class TelemetryTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Meter_CountsSignInsByOutcomeLockoutsResetsAndRecoveries()
    {
        using var factory = new TestMeterFactory();
        await using var host = FlowHost.Create(build: b => b.Services.AddSingleton<IMeterFactory>(factory));
        using var signIns = new MetricCollector<long>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.SignInsCounter);
        using var lockouts = new MetricCollector<long>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.LockoutsCounter);
        using var requested = new MetricCollector<long>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.PasswordResetsRequestedCounter);
        using var completed = new MetricCollector<long>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.PasswordResetsCompletedCounter);
        using var recovered = new MetricCollector<long>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.EmailsRecoveredCounter);
        await host.RegisterAsync(Serial, Email, Password);

        await host.SignInAsync(Email, Password);
        await host.SignInAsync("nobody@example.com", Password);
        for (var i = 0; i < 5; i++)
        {
            await host.SignInAsync(Email, "wrong password");
        }

        await host.SignInAsync(Email, Password);
        var token = await host.RequestResetTokenAsync(Email);
        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));
        await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));

        long Count(MetricCollector<long> collector, string outcome) =>
            collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags[TrendAccountDiagnostics.OutcomeTag], outcome)).Sum(m => m.Value);

        Assert.Equal(1, Count(signIns, "succeeded"));
        Assert.Equal(1, Count(signIns, "unknown_email"));
        Assert.Equal(5, Count(signIns, "wrong_password"));
        Assert.Equal(0, Count(signIns, "locked_out"));
        Assert.Equal(1, Count(signIns, "captcha_required"));
        Assert.Equal(1, lockouts.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, Count(requested, "accepted"));
        Assert.Equal(1, Count(completed, "succeeded"));
        Assert.Equal(1, Count(recovered, "succeeded"));
    }

    [Fact]
    public async Task ActivitySource_StartsOneActivityPerFlowWithThePublicOutcomeOnly()
    {
        using var root = new ActivitySource("TrendAccount.Sdk.Tests.Root");
        var captured = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TrendAccountDiagnostics.ActivitySourceName or "TrendAccount.Sdk.Tests.Root",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (captured)
                {
                    captured.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        using (var parent = root.StartActivity("test"))
        {
            await host.SignInAsync("nobody@example.com", Password);
            await host.SignInAsync(Email, "wrong password");
            await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, FlowHost.Captcha, ClientContext.Unknown));
            await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));
            await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email });

            Activity[] mine;
            lock (captured)
            {
                mine = captured.Where(a => a.TraceId == parent!.TraceId && a.Source.Name == TrendAccountDiagnostics.ActivitySourceName).ToArray();
            }

            Assert.Equal(["TrendAccount.SignIn", "TrendAccount.SignIn", "TrendAccount.RequestPasswordReset", "TrendAccount.RecoverEmail", "TrendAccount.Troubleshoot"], mine.Select(a => a.OperationName));
            Assert.All(mine.Take(2), a => Assert.Equal("failed", a.GetTagItem(TrendAccountDiagnostics.OutcomeTag)));
            Assert.All(mine, a => Assert.DoesNotContain(a.Tags, t => t.Value?.Contains('@', StringComparison.Ordinal) == true));
        }
    }
}
