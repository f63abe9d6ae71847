using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.Redis.Tests.Infrastructure;

namespace TrendAccount.Sdk.Redis.Tests.HealthChecks;

/// <summary>The Redis health check, registered through <c>AddHealthChecks().AddTrendAccountRedis()</c>.</summary>
public sealed class RedisHealthCheckTests
{
    [Fact]
    public async Task AddTrendAccountRedis_RedisUnreachable_ReportsTheFailureStatusWithTheTags()
    {
        await using var node = Node.Create(
            o =>
            {
                o.Configuration = $"127.0.0.1:{ClosedPort()}";
                o.Timeout = TimeSpan.FromMilliseconds(500);
            },
            services: s => s.AddHealthChecks().AddTrendAccountRedis(tags: ["ready"]));

        var report = await node.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal(RedisAttemptCounterDiagnostics.DefaultHealthCheckName, entry.Key);
        Assert.Equal(HealthStatus.Degraded, entry.Value.Status);
        Assert.NotNull(entry.Value.Exception);
        Assert.Equal(["trendaccount", "redis", "ready"], entry.Value.Tags);
    }

    [Fact]
    public async Task AddTrendAccountRedis_GivenFailureStatus_ReportsIt()
    {
        await using var node = Node.Create(
            o =>
            {
                o.Configuration = $"127.0.0.1:{ClosedPort()}";
                o.Timeout = TimeSpan.FromMilliseconds(500);
            },
            services: s => s.AddHealthChecks().AddTrendAccountRedis("redis-limits", HealthStatus.Unhealthy));

        var report = await node.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["redis-limits"].Status);
    }

    [Fact]
    public void AddTrendAccountRedis_Registration_IsTaggedTrendAccountAndRedis()
    {
        var services = new ServiceCollection();
        services.AddHealthChecks().AddTrendAccountRedis();
        using var provider = services.BuildServiceProvider();

        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);

        Assert.Equal(["trendaccount", "redis"], registration.Tags.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(HealthStatus.Degraded, registration.FailureStatus);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The health check against the shared Redis.</summary>
[RedisTests]
public sealed class RedisHealthCheckServerTests
{
    [Fact]
    public async Task AddTrendAccountRedis_RedisAnswers_Healthy()
    {
        var redis = TestRedis.Require();
        await using var node = Node.Create(
            o => o.Configuration = redis,
            services: s => s.AddHealthChecks().AddTrendAccountRedis());

        var report = await node.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("redis"));

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(false, report.Entries[RedisAttemptCounterDiagnostics.DefaultHealthCheckName].Data["falling_back"]);
    }
}
