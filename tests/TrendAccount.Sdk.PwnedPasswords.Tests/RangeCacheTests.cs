using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.PwnedPasswords.Internal;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

public sealed class RangeCacheTests
{
    private static readonly RangeSuffixes Some = Parse("1E4C9B93F3F0682250B6CF8331B7EE68FD8:3\n");

    [Fact]
    public void Add_BeyondCapacity_KeepsTheMostRecentlyUsedOnly()
    {
        var cache = new RangeCache(2, TimeSpan.FromHours(1), new FakeTimeProvider());
        cache.Add("AAAAA", Some);
        cache.Add("BBBBB", Some);
        Assert.True(cache.TryGet("AAAAA", out _));   // AAAAA is now the most recently used

        cache.Add("CCCCC", Some);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("AAAAA", out _));
        Assert.False(cache.TryGet("BBBBB", out _));
        Assert.True(cache.TryGet("CCCCC", out _));
    }

    [Fact]
    public void TryGet_AfterTheLifetime_MissesAndForgetsTheEntry()
    {
        var time = new FakeTimeProvider();
        var cache = new RangeCache(8, TimeSpan.FromMinutes(5), time);
        cache.Add("AAAAA", Some);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGet("AAAAA", out var held));
        Assert.Same(Some, held);

        time.Advance(TimeSpan.FromTicks(1));

        Assert.False(cache.TryGet("AAAAA", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Add_CapacityZero_HoldsNothing()
    {
        var cache = new RangeCache(0, TimeSpan.FromHours(1), new FakeTimeProvider());

        cache.Add("AAAAA", Some);

        Assert.False(cache.TryGet("AAAAA", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task AddAndTryGet_FromManyThreads_NeverExceedCapacity()
    {
        var cache = new RangeCache(16, TimeSpan.FromHours(1), new FakeTimeProvider());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var prefix = ((worker * 2_000) + i).ToString("X5", System.Globalization.CultureInfo.InvariantCulture);
                cache.Add(prefix, Some);
                _ = cache.TryGet(prefix, out _);
            }
        })));

        Assert.Equal(16, cache.Count);
    }

    private static RangeSuffixes Parse(string body)
    {
        Assert.True(RangeSuffixes.TryParse(System.Text.Encoding.UTF8.GetBytes(body), 1, out var suffixes));
        return suffixes;
    }
}
