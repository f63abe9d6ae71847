using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.HealthChecks;

public sealed class SmtpHealthCheckTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AddTrendAccountSmtp_ServerAnswers_HealthyAndTagged()
    {
        await using var server = await TestSmtpServer.StartAsync();
        await using var services = Build(server.Port, TimeProvider.System);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(HangGuard);

        var entry = Assert.Single(report.Entries);
        Assert.Equal(MailKitHealthChecksBuilderExtensions.SmtpCheckName, entry.Key);
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
        Assert.Equal(["trendaccount", "smtp", "ready"], entry.Value.Tags);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task AddTrendAccountSmtp_NothingListening_ReportsTheFailureStatus()
    {
        await using var services = Build(FreePort(), TimeProvider.System, HealthStatus.Degraded);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync().WaitAsync(HangGuard);

        var entry = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains($"127.0.0.1:", entry.Description, StringComparison.Ordinal);
        Assert.NotNull(entry.Exception);
    }

    [Fact]
    public async Task AddTrendAccountSmtp_SilentServer_FailsWhenTheTimeoutPasses()
    {
        // The socket timeout is long; only the injected clock reaching Timeout can end this check.
        await using var server = RawTcpServer.Silent();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var services = Build(server.Port, time);

        var check = services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await server.Accepted.WaitAsync(HangGuard);
        Assert.False(check.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(5));

        var entry = Assert.Single((await check.WaitAsync(HangGuard)).Entries).Value;
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("did not answer within 300 s", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTrendAccountSmtp_NoHostConfigured_IsUnhealthyAndSaysWhatToSet()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<SmtpMailerOptions>();
        services.AddHealthChecks().AddTrendAccountSmtp();
        await using var provider = services.BuildServiceProvider();

        var entry = Assert.Single((await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries).Value;

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("TrendAccount:Smtp:Host", entry.Description, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(int port, TimeProvider time, HealthStatus? failureStatus = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging();
        services.Configure<SmtpMailerOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = port;
            o.TlsMode = SmtpTlsMode.None;
            o.Timeout = TimeSpan.FromMinutes(5);
        });
        services.AddHealthChecks().AddTrendAccountSmtp(failureStatus: failureStatus, tags: ["ready"]);
        return services.BuildServiceProvider();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
