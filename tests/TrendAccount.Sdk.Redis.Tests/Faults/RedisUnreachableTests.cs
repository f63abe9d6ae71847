using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TrendAccount.Sdk.Redis.Tests.Infrastructure;

namespace TrendAccount.Sdk.Redis.Tests.Faults;

/// <summary>Redis unreachable from the start (nothing listens on its port): no server needed.</summary>
public sealed class RedisUnreachableTests
{
    private const string Email = "unreachable@example.com";
    private const string Password = "correct horse battery";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SignInAsync_RedisUnreachableFromTheStart_SignsInAndKeepsPerProcessLimits()
    {
        await using var node = Node.Create(
            o =>
            {
                o.Configuration = $"127.0.0.1:{ClosedPort()}";
                o.RetryInterval = RetryInterval;
                o.Timeout = TimeSpan.FromMilliseconds(500);
            },
            configure: o =>
            {
                o.SignIn.PerClient.PermitLimit = 3;
            });
        using var outages = new MetricCollector<long>(node.Meters, RedisAttemptCounterDiagnostics.MeterName, RedisAttemptCounterDiagnostics.OutagesCounter);
        await node.RegisterAsync(Email, Password);

        var results = new List<SignInStatus>();
        for (var i = 0; i < 4; i++)
        {
            results.Add((await node.SignInAsync(Email, Password, "192.0.2.20")).Status);
        }

        // Sign-in works, and the per-client limit still holds, in this process.
        Assert.Equal([SignInStatus.Succeeded, SignInStatus.Succeeded, SignInStatus.Succeeded, SignInStatus.TryAgainLater], results);
        Assert.Single(node.Events(8100));
        Assert.Equal(1, outages.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Empty(node.Events(8102));
    }

    [Fact]
    public async Task TryAddAsync_RedisStillDown_ProbesOncePerRetryInterval()
    {
        await using var node = Node.Create(o =>
        {
            o.Configuration = $"127.0.0.1:{ClosedPort()}";
            o.RetryInterval = RetryInterval;
            o.Timeout = TimeSpan.FromMilliseconds(500);
        });
        var counter = node.Counter;

        var first = await counter.TryAddAsync("probe:key", 5, TimeSpan.FromMinutes(5), CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await counter.TryAddAsync("probe:key", 5, TimeSpan.FromMinutes(5), CancellationToken.None);
        }

        // Within the interval nothing probes Redis; after it, exactly one call does (and fails, at Debug).
        Assert.Empty(node.Events(8102));
        node.Time.Advance(RetryInterval);
        for (var i = 0; i < 10; i++)
        {
            await counter.GetAsync("probe:key", CancellationToken.None);
        }

        Assert.Single(node.Events(8102));
        Assert.Single(node.Events(8100));
        Assert.Equal((1, true), (first.Count, first.Added));
        Assert.Equal(5, (await counter.GetAsync("probe:key", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UseRedisAttemptCounter_CalledTwice_FallsBackToTheSdksCounterNotToItself()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTrendAccount().UseInMemoryStores()
            .UseRedisAttemptCounter($"127.0.0.1:{ClosedPort()}")
            .UseRedisAttemptCounter(o => o.Timeout = TimeSpan.FromMilliseconds(500));
        await using var provider = services.BuildServiceProvider();
        var counter = provider.GetRequiredService<IAttemptCounter>();

        // Wrapped in itself, the fallback would call Redis again (and recurse); it must be the SDK's in-memory counter.
        var added = await counter.TryAddAsync("twice", 2, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.IsType<Internal.ResilientAttemptCounter>(counter);
        Assert.Single(services, d => d.ServiceType == typeof(IAttemptCounter));
        Assert.Equal((1, true), (added.Count, added.Added));
    }

    [Fact]
    public async Task TryAddAsync_HostConnectionFactoryThrows_CountsInTheFallbackAndWarns()
    {
        await using var node = Node.Create(o => o.ConnectionMultiplexerFactory = () => throw new InvalidOperationException("no Redis for you"));

        var first = await node.Counter.TryAddAsync("factory", 1, TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await node.Counter.TryAddAsync("factory", 1, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal((1, true), (first.Count, first.Added));
        Assert.Equal((1, false), (second.Count, second.Added));
        Assert.IsType<StackExchange.Redis.RedisConnectionException>(Assert.Single(node.Events(8100)).Exception);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
