using Xunit;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AttemptCounterSpecification
{
    /// <summary>When the window has run its length the key counts zero again, and the next attempt opens a new window at 1.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_AfterTheWindowEnds_OpensANewWindowAtOne()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        for (var i = 0; i < Limit; i++)
        {
            await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        }

        await PassAsync(counter, key, Window);

        await AssertCountAsync(counter, key, 0);
        var added = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((1, true), (added.Count, added.Added));
        AssertTimeLeft(Window, added.RetryAfter);
    }

    /// <summary>
    /// The window is open until its end and closed at it: one <see cref="TimeTolerance"/> before the end a full key
    /// still refuses and reads its count; at the end it reads zero and counts again.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_JustBeforeAndAtTheWindowsEnd_RefusesThenCounts()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        var tolerance = Tolerance();
        for (var i = 0; i < Limit; i++)
        {
            await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        }

        await PassAsync(counter, key, Window - tolerance);
        var refused = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((Limit, false), (refused.Count, refused.Added));
        await AssertCountAsync(counter, key, Limit);

        await PassAsync(counter, key, tolerance);
        var counted = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((1, true), (counted.Count, counted.Added));
    }

    /// <summary>A read never opens a window: an attempt made five minutes after reading an unknown key gets the whole window.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task GetAsync_UnknownKey_DoesNotOpenAWindow()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();

        await counter.GetAsync(key, CancellationToken.None);
        await counter.GetAsync(key, CancellationToken.None);
        await PassAsync(counter, key, TimeSpan.FromMinutes(5));
        var added = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);

        Assert.Equal((1, true), (added.Count, added.Added));
        AssertTimeLeft(Window, added.RetryAfter);
    }

    /// <summary>
    /// A refusal never opens or extends a window: refused attempts made until the window's end leave nothing behind
    /// it, so the key counts from 1 again at the end, with a whole new window.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryAddAsync_RefusedAttemptsThroughTheWindow_LeaveNothingAfterItsEnd()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        await counter.TryAddAsync(key, 1, Window, CancellationToken.None);

        for (var minute = 0; minute < 14; minute++)
        {
            await PassAsync(counter, key, TimeSpan.FromMinutes(1));
            Assert.False((await counter.TryAddAsync(key, 1, Window, CancellationToken.None)).Added);
        }

        await PassAsync(counter, key, TimeSpan.FromMinutes(1));
        await AssertCountAsync(counter, key, 0);
        var added = await counter.TryAddAsync(key, 1, Window, CancellationToken.None);
        Assert.Equal((1, true), (added.Count, added.Added));
        AssertTimeLeft(Window, added.RetryAfter);
    }

    /// <summary>Reading reports the time left in the open window, and the count, without changing either.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task GetAsync_OpenWindow_ReportsCountAndTimeLeftWithoutCounting()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        await PassAsync(counter, key, TimeSpan.FromMinutes(7));

        await AssertCountAsync(counter, key, 2, TimeSpan.FromMinutes(8));
        await AssertCountAsync(counter, key, 2, TimeSpan.FromMinutes(8));
        var third = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((3, true), (third.Count, third.Added));
    }
}
