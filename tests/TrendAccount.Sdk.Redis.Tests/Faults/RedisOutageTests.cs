using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using TrendAccount.Sdk.Redis.Tests.Infrastructure;

namespace TrendAccount.Sdk.Redis.Tests.Faults;

/// <summary>
/// Issue #13, fault behaviour: a redis-server of the test's own is killed mid-run and started again. Sign-in keeps
/// working on per-process limits, warning 8100 and the metrics say so once per outage, and counting goes back to Redis
/// when it answers again and the retry interval has passed.
/// </summary>
[RedisServerBinaryTests]
public sealed class RedisOutageTests
{
    private const string Email = "outage@example.com";
    private const string Password = "correct horse battery";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    // The sign-in keys are hashed in Redis: the client's sign-ins and the address's failures are two keys under
    // "signin:", and a wrong password counts one in each.
    // (Registration counts under its own purposes, which this ignores.)
    private static void AssertOneClientAndOneAddressCounted(Dictionary<string, long> counts, string prefix)
    {
        var signIn = counts.Where(c => c.Key.StartsWith(prefix + "signin:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, signIn.Count);
        Assert.All(signIn, c => Assert.Equal(1, c.Value));
    }

    [Fact]
    public async Task SignInAsync_RedisKilledAndRestartedMidRun_KeepsWorkingWarnsOnceAndResumesCountingInRedis()
    {
        await using var server = await RedisServerProcess.StartAsync();
        var prefix = TestRedis.NewPrefix();
        await using var node = Node.Create(o =>
        {
            o.Configuration = server.Configuration;
            o.KeyPrefix = prefix;
            o.RetryInterval = RetryInterval;
            o.Timeout = TimeSpan.FromSeconds(2);
        });
        using var fallbacks = new MetricCollector<long>(node.Meters, RedisAttemptCounterDiagnostics.MeterName, RedisAttemptCounterDiagnostics.FallbacksCounter);
        using var outages = new MetricCollector<long>(node.Meters, RedisAttemptCounterDiagnostics.MeterName, RedisAttemptCounterDiagnostics.OutagesCounter);
        await node.RegisterAsync(Email, Password);

        // Redis answers: a wrong password is counted there (the client's sign-ins and the address's failures).
        Assert.Equal(SignInStatus.Failed, (await node.SignInAsync(Email, "wrong 1", "192.0.2.10")).Status);
        await using (var probe = await RedisProbe.ConnectAsync(server.Configuration))
        {
            AssertOneClientAndOneAddressCounted(await probe.CountsUnderAsync(prefix), prefix);
        }

        Assert.Empty(fallbacks.GetMeasurementSnapshot());

        // Redis dies: sign-in keeps working, on this process's own counts; one warning, one outage.
        await server.KillAsync();
        for (var i = 0; i < 3; i++)
        {
            var result = await node.SignInAsync(Email, Password, "192.0.2.11");
            Assert.True(result.Succeeded, result.Message);
        }

        Assert.Equal(SignInStatus.Failed, (await node.SignInAsync(Email, "wrong 2", "192.0.2.12")).Status);
        var warning = Assert.Single(node.Events(8100));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(1, outages.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.True(fallbacks.GetMeasurementSnapshot().Sum(m => m.Value) >= 4);
        Assert.Contains(fallbacks.GetMeasurementSnapshot(), m => Equals(m.Tags["operation"], "try_add"));

        // Redis is back (empty: no persistence). Until the retry interval has passed the node still counts per process...
        await server.StartAgainAsync();
        await node.WhenRedisConnectedAsync();
        Assert.True((await node.SignInAsync(Email, Password, "192.0.2.13")).Succeeded);
        await using (var probe = await RedisProbe.ConnectAsync(server.Configuration))
        {
            Assert.Empty(await probe.CountsUnderAsync(prefix));
        }

        // ...then one call probes Redis, it answers, and counting is shared again.
        node.Time.Advance(RetryInterval);
        Assert.Equal(SignInStatus.Failed, (await node.SignInAsync(Email, "wrong 3", "192.0.2.14")).Status);
        Assert.Single(node.Events(8101));
        await using (var probe = await RedisProbe.ConnectAsync(server.Configuration))
        {
            AssertOneClientAndOneAddressCounted(await probe.CountsUnderAsync(prefix), prefix);
        }

        Assert.Single(node.Events(8100));
        Assert.Equal(1, outages.GetMeasurementSnapshot().Sum(m => m.Value));
    }
}
