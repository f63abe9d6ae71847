using Xunit;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AttemptCounterSpecification
{
    /// <summary>Resetting closes the open window: the key reads zero, and the next attempt counts 1 in a whole new window.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ResetAsync_OpenWindow_ClosesIt()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        for (var i = 0; i < Limit; i++)
        {
            await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        }

        await PassAsync(counter, key, TimeSpan.FromMinutes(5));
        await counter.ResetAsync(key, CancellationToken.None);

        await AssertCountAsync(counter, key, 0);
        var added = await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        Assert.Equal((1, true), (added.Count, added.Added));
        AssertTimeLeft(Window, added.RetryAfter);
    }

    /// <summary>Resetting a key with no open window is harmless, twice, and opens nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ResetAsync_UnknownKey_DoesNothing()
    {
        var counter = await NewCounterAsync();
        var key = NewKey();

        await counter.ResetAsync(key, CancellationToken.None);
        await counter.ResetAsync(key, CancellationToken.None);

        await AssertCountAsync(counter, key, 0);
    }

    /// <summary>Resetting one key leaves every other key's window as it was.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ResetAsync_OneKey_LeavesOtherKeys()
    {
        var counter = await NewCounterAsync();
        var reset = NewKey();
        var kept = NewKey();
        await counter.TryAddAsync(reset, Limit, Window, CancellationToken.None);
        await counter.TryAddAsync(kept, Limit, Window, CancellationToken.None);
        await counter.TryAddAsync(kept, Limit, Window, CancellationToken.None);

        await counter.ResetAsync(reset, CancellationToken.None);

        await AssertCountAsync(counter, reset, 0);
        await AssertCountAsync(counter, kept, 2, Window);
    }
}
