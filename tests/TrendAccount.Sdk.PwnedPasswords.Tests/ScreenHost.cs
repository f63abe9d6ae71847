using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

/// <summary>A container with the SDK, the screen registered through <c>UsePwnedPasswords</c>, fake time and fake logging.</summary>
public sealed class ScreenHost : IAsyncDisposable
{
    private ScreenHost(ServiceProvider provider, FakeTimeProvider time)
    {
        Provider = provider;
        Time = time;
        Checks = new MetricCollector<long>(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), PwnedPasswordsDiagnostics.MeterName, PwnedPasswordsDiagnostics.ChecksCounter);
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public MetricCollector<long> Checks { get; }

    public IBreachedPasswordScreen Screen => Provider.GetRequiredService<IBreachedPasswordScreen>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static ScreenHost Create(Action<PwnedPasswordsOptions> configure)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddMetrics();
        services.AddTrendAccount()
            .UseTimeProvider(time)
            .UsePwnedPasswords(configure);
        return new ScreenHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), time);
    }

    /// <summary>The one tag set the counter was last added with, as "outcome/source/reason".</summary>
    public string LastCheck()
    {
        var measurement = Checks.LastMeasurement ?? throw new InvalidOperationException("no check was counted");
        var tags = measurement.Tags;
        return $"{tags["outcome"]}/{tags["source"]}/{(tags.TryGetValue("reason", out var reason) ? reason : "-")}";
    }

    public async ValueTask DisposeAsync()
    {
        Checks.Dispose();
        await Provider.DisposeAsync();
    }
}
