using TrendAccount.Sdk.Tests.Diagnostics;
using Xunit.Abstractions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.Tests.Limits;

/// <summary>Issue #11 item 9: the counters behind every limit are bounded, evict the least-used first, and refused requests open no window.</summary>
public sealed class InMemoryAttemptCounterTests(ITestOutputHelper output)
{
    /// <summary>The documented bound (docs/options.md, docs/benchmarks.md) for the default cap of 100,000 windows.</summary>
    private const long DefaultCapBoundBytes = 32L * 1024 * 1024;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task TryAddAsync_UpToTheLimit_CountsThenRefusesWithTheTimeLeft()
    {
        var time = new FakeTimeProvider();
        var counter = new InMemoryAttemptCounter(time, 1000, null);

        for (var i = 1; i <= 3; i++)
        {
            var added = await counter.TryAddAsync("k", 3, Window, CancellationToken.None);
            Assert.Equal((i, true), (added.Count, added.Added));
        }

        time.Advance(TimeSpan.FromMinutes(5));
        var refused = await counter.TryAddAsync("k", 3, Window, CancellationToken.None);
        Assert.Equal((3, false, TimeSpan.FromMinutes(10)), (refused.Count, refused.Added, refused.RetryAfter));

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(AttemptCount.None, await counter.GetAsync("k", CancellationToken.None));
        Assert.True((await counter.TryAddAsync("k", 3, Window, CancellationToken.None)).Added);
    }

    [Fact]
    public async Task GetAsyncAndRefusedAttempts_NeverOpenAWindow()
    {
        var counter = new InMemoryAttemptCounter(new FakeTimeProvider(), 1000, null);
        await counter.TryAddAsync("full", 1, Window, CancellationToken.None);

        for (var i = 0; i < 500; i++)
        {
            await counter.GetAsync("read " + i, CancellationToken.None);
            await counter.TryAddAsync("full", 1, Window, CancellationToken.None);
        }

        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task ResetAsync_ClosesTheWindow()
    {
        var counter = new InMemoryAttemptCounter(new FakeTimeProvider(), 1000, null);
        await counter.TryAddAsync("k", 5, Window, CancellationToken.None);

        await counter.ResetAsync("k", CancellationToken.None);

        Assert.Equal(0, (await counter.GetAsync("k", CancellationToken.None)).Count);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public void TryAdd_MillionDistinctKeys_StaysUnderTheCapKeepsTheBusyWindowAndCountsEvictions()
    {
        // The attack: an attacker varies the key (300,000 IPv6 addresses, scaled up to 10^6) to grow the table.
        using var meterFactory = new TestMeterFactory();
        using var metrics = new TrendAccountMetrics(meterFactory);
        using var evicted = new MetricCollector<long>(meterFactory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.LimitWindowsEvictedCounter);
        const int cap = 10_000;
        var counter = new InMemoryAttemptCounter(new FakeTimeProvider(), cap, metrics);
        for (var i = 0; i < 5; i++)
        {
            counter.TryAdd("victim-address", 5, Window);
        }

        for (var i = 0; i < 1_000_000; i++)
        {
            counter.TryAdd("attacker " + i, 10, Window);
            Assert.True(counter.Count <= cap);
        }

        Assert.Equal(5, counter.Get("victim-address").Count);
        Assert.True(evicted.GetMeasurementSnapshot().Sum(m => m.Value) >= 1_000_000 - cap);
    }

    [Fact]
    public async Task TryAddAsync_ParallelAttempts_NeverCountPastTheLimit()
    {
        var counter = new InMemoryAttemptCounter(new FakeTimeProvider(), 1000, null);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => counter.TryAdd("k", 7, Window))));

        Assert.Equal(7, results.Count(r => r.Added));
        Assert.Equal(7, counter.Get("k").Count);
    }

    [Fact]
    public void TryAdd_MillionDistinctIPv6ClientKeysAtTheDefaultCap_HoldUnderTheDocumentedBound()
    {
        // The attack from the issue (300,000 distinct IPv6 addresses held 48.5 MiB for 15 minutes), at 10^6 keys.
        var time = new FakeTimeProvider();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var counter = new InMemoryAttemptCounter(time, RateLimitOptions.DefaultMaximumTrackedKeys, null);
        for (var i = 0; i < 1_000_000; i++)
        {
            counter.TryAdd($"recovery4:2001:db8:{i >> 16:x}:{i & 0xFFFF:x}::/64", 10, Window);
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(counter);
        output.WriteLine($"10^6 distinct keys, cap {RateLimitOptions.DefaultMaximumTrackedKeys}: {counter.Count} windows, {held / 1024.0 / 1024.0:F1} MiB held");
        Assert.True(counter.Count <= RateLimitOptions.DefaultMaximumTrackedKeys);
        Assert.True(held < DefaultCapBoundBytes, $"{held} bytes held");
    }
}
