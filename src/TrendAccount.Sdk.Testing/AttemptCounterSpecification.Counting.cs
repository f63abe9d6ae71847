using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AttemptCounterSpecification
{
    /// <summary>An unknown key counts zero, with no time left and nothing added.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task GetAsync_UnknownKey_ReturnsNone()
    {
        var counter = await NewCounterAsync();

        Assert.Equal(AttemptCount.None, await counter.GetAsync(NewKey(), CancellationToken.None));
    }

    /// <summary>Attempts up to the limit are counted 1, 2, 3, each reporting the whole window left (it opened with the first).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_UpToTheLimit_CountsOneByOne()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();

        for (var expected = 1; expected <= Limit; expected++)
        {
            var added = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
            Assert.Equal((expected, true), (added.Count, added.Added));
            AssertTimeLeft(Window, added.RetryAfter);
        }

        await AssertCountAsync(counter, key, Limit, Window);
    }

    /// <summary>At the limit an attempt is refused and not counted, however often it is made; the read count stays at the limit.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_AtTheLimit_RefusesWithoutCounting()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        for (var i = 0; i < Limit; i++)
        {
            await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        }

        for (var i = 0; i < 5; i++)
        {
            var refused = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
            Assert.Equal((Limit, false), (refused.Count, refused.Added));
            AssertTimeLeft(Window, refused.RetryAfter);
        }

        await AssertCountAsync(counter, key, Limit, Window);
    }

    /// <summary>
    /// The window is fixed from its first attempt: a refusal reports the time left in it, and neither refused nor
    /// counted attempts later in the window move its end.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_LaterAttempts_DoNotMoveTheWindowsEnd()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);

        await PassAsync(counter, key, TimeSpan.FromMinutes(5));
        var second = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((2, true), (second.Count, second.Added));
        AssertTimeLeft(TimeSpan.FromMinutes(10), second.RetryAfter);

        await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        await PassAsync(counter, key, TimeSpan.FromMinutes(4));
        var refused = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((Limit, false), (refused.Count, refused.Added));
        AssertTimeLeft(TimeSpan.FromMinutes(6), refused.RetryAfter);
        await AssertCountAsync(counter, key, Limit, TimeSpan.FromMinutes(6));
    }

    /// <summary>A different window length given while a window is open does not change that window's end.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_OtherWindowLengthWhileOpen_KeepsTheOpenWindow()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);

        var longer = await counter.TryAddAsync(key, Limit, TimeSpan.FromHours(2), CancellationToken.None);
        var shorter = await counter.TryAddAsync(key, Limit + 1, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal((2, true), (longer.Count, longer.Added));
        AssertTimeLeft(Window, longer.RetryAfter);
        Assert.Equal((3, true), (shorter.Count, shorter.Added));
        AssertTimeLeft(Window, shorter.RetryAfter);
    }

    /// <summary>
    /// The limit is the caller's, per call: a key counted to 3 refuses a caller whose limit is 2 (without counting)
    /// and still counts for a caller whose limit is 5.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_LimitBelowTheCount_RefusesAndHigherLimitStillCounts()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        for (var i = 0; i < 3; i++)
        {
            await counter.TryAddAsync(key, 5, Window, CancellationToken.None);
        }

        var refused = await counter.TryAddAsync(key, 2, Window, CancellationToken.None);
        var counted = await counter.TryAddAsync(key, 5, Window, CancellationToken.None);

        Assert.Equal((3, false), (refused.Count, refused.Added));
        Assert.Equal((4, true), (counted.Count, counted.Added));
    }

    /// <summary>A limit of one counts exactly one attempt per window.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_LimitOfOne_CountsOnceThenRefuses()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();

        var first = await counter.TryAddAsync(key, 1, Window, CancellationToken.None);
        var second = await counter.TryAddAsync(key, 1, Window, CancellationToken.None);

        Assert.Equal((1, true), (first.Count, first.Added));
        Assert.Equal((1, false), (second.Count, second.Added));
    }

    /// <summary>
    /// Keys are compared ordinally and exactly: keys differing only in case, or by a trailing character, are separate
    /// windows (device ids are base64url, where case matters), and so are keys made of the characters the SDK uses
    /// (colons, slashes, dots, at signs, hyphens).
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_KeysDifferingInCaseOrSuffix_CountSeparately()
    {
        var counter = await NewCounterAsync();
        var unique = Guid.NewGuid().ToString("N");
        var lower = $"conformance:device:abc-{unique}_x";
        var upper = $"conformance:device:ABC-{unique}_x";
        var longer = lower + "y";
        var shaped = $"conformance:client:2001:db8:{unique[..4]}::/64|user.{unique}@example.test";

        await counter.TryAddAsync(lower, 10, Window, CancellationToken.None);
        await counter.TryAddAsync(lower, 10, Window, CancellationToken.None);
        await counter.TryAddAsync(upper, 10, Window, CancellationToken.None);
        await counter.TryAddAsync(shaped, 10, Window, CancellationToken.None);
        await counter.TryAddAsync(shaped, 10, Window, CancellationToken.None);
        await counter.TryAddAsync(shaped, 10, Window, CancellationToken.None);

        await AssertCountAsync(counter, lower, 2);
        await AssertCountAsync(counter, upper, 1);
        await AssertCountAsync(counter, longer, 0);
        await AssertCountAsync(counter, shaped, 3);
    }

    /// <summary>Null keys, limits below one and windows that are not positive are misuse: an argument exception, nothing counted.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Members_InvalidArguments_ThrowArgumentExceptionAndCountNothing()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.GetAsync(null!, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.TryAddAsync(null!, Limit, Window, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.ResetAsync(null!, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.TryAddAsync(key, 0, Window, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.TryAddAsync(key, -1, Window, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.TryAddAsync(key, Limit, TimeSpan.Zero, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await counter.TryAddAsync(key, Limit, TimeSpan.FromSeconds(-1), CancellationToken.None));

        await AssertCountAsync(counter, key, 0);
    }

    /// <summary>
    /// 100 attempts at once against a limit of 10: exactly 10 are counted, their counts are 1 to 10 (each once), the
    /// 90 others are refused reporting the full count, and the key reads 10 — never past the limit.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_ParallelCallersAboveTheLimit_CountExactlyTheLimit()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        const int limit = 10;

        var results = await RunConcurrentlyAsync(ParallelCallers, async _ => await counter.TryAddAsync(key, limit, Window, CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, limit), results.Where(r => r.Added).Select(r => r.Count).Order());
        Assert.All(results.Where(r => !r.Added), r => Assert.Equal(limit, r.Count));
        await AssertCountAsync(counter, key, limit);
    }

    /// <summary>100 attempts at once below the limit: all counted, with the counts 1 to 100 (each once) — none lost.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_ParallelCallersBelowTheLimit_CountEveryAttempt()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();

        var results = await RunConcurrentlyAsync(ParallelCallers, async _ => await counter.TryAddAsync(key, 1000, Window, CancellationToken.None));

        Assert.All(results, r => Assert.True(r.Added));
        Assert.Equal(Enumerable.Range(1, ParallelCallers), results.Select(r => r.Count).Order());
        await AssertCountAsync(counter, key, ParallelCallers);
    }

    /// <summary>100 attempts at once, spread over ten keys with a limit of 5: each key counts exactly 5.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_ParallelCallersOnTenKeys_EachKeyCountsItsLimit()
    {
        var counter = await NewCounterAsync();
        var keys = Enumerable.Range(0, 10).Select(_ => NewKey()).ToArray();

        var results = await RunConcurrentlyAsync(ParallelCallers, async i => await counter.TryAddAsync(keys[i % keys.Length], 5, Window, CancellationToken.None));

        Assert.Equal(50, results.Count(r => r.Added));
        foreach (var key in keys)
        {
            await AssertCountAsync(counter, key, 5);
        }
    }
}
