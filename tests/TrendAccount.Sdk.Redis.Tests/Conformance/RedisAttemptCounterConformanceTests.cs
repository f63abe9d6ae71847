using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.Redis.Tests.Infrastructure;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Redis.Tests.Conformance;

/// <summary>
/// The counter conformance kit against real Redis, through what <c>UseRedisAttemptCounter</c> registers. One counter
/// (one connection) for the class, under a key prefix of its own; time passes by shortening a key's time to live.
/// </summary>
[RedisTests]
public sealed class RedisAttemptCounterConformanceTests(RedisAttemptCounterConformanceTests.Fixture fixture)
    : AttemptCounterSpecification, IClassFixture<RedisAttemptCounterConformanceTests.Fixture>
{
    /// <summary>Real time passes on the server between two calls of a test: five seconds is far more than a test takes.</summary>
    protected override TimeSpan TimeTolerance => TimeSpan.FromSeconds(5);

    protected override Task<IAttemptCounter> CreateCounterAsync() => Task.FromResult(fixture.Node.Counter);

    protected override Task ElapseAsync(IAttemptCounter counter, string key, TimeSpan elapsed) =>
        fixture.Probe.ElapseAsync(Internal.RedisAttemptCounter.KeyOf(fixture.Prefix, key), elapsed);

    /// <summary>The class must count in Redis, not in the fallback, under hashed keys that keep only the purpose readable.</summary>
    [Fact]
    public async Task TryAddAsync_ThroughTheRegisteredCounter_CountsInRedisUnderAHashedKey()
    {
        var key = "conformance:" + Guid.NewGuid().ToString("N");
        await fixture.Node.Counter.TryAddAsync(key, 3, TimeSpan.FromMinutes(1), CancellationToken.None);

        var redisKey = Internal.RedisAttemptCounter.KeyOf(fixture.Prefix, key);
        Assert.Equal(1, (long)await fixture.Probe.Database.StringGetAsync(redisKey));
        Assert.False(fixture.Node.Provider.GetRequiredService<Internal.ResilientAttemptCounter>().IsFallingBack);
        Assert.StartsWith(fixture.Prefix + "conformance:", redisKey, StringComparison.Ordinal);
        Assert.DoesNotContain(key["conformance:".Length..], redisKey, StringComparison.Ordinal);
        Assert.Equal(fixture.Prefix.Length + "conformance:".Length + 22, redisKey.Length);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public string Prefix { get; } = TestRedis.NewPrefix();

        public Node Node { get; private set; } = null!;

        public RedisProbe Probe { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var configuration = TestRedis.Require();
            Node = Node.Create(o =>
            {
                o.Configuration = configuration;
                o.KeyPrefix = Prefix;
                o.Timeout = TimeSpan.FromSeconds(5);
            });
            Probe = await RedisProbe.ConnectAsync(configuration);
        }

        public async Task DisposeAsync()
        {
            if (Probe is not null)
            {
                foreach (var key in (await Probe.CountsUnderAsync(Prefix)).Keys)
                {
                    await Probe.Database.KeyDeleteAsync(key);
                }

                await Probe.DisposeAsync();
            }

            if (Node is not null)
            {
                await Node.DisposeAsync();
            }
        }
    }
}
