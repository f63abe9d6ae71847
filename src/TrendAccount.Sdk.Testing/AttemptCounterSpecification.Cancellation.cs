using Xunit;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AttemptCounterSpecification
{
    /// <summary>
    /// Every member given a token that is already cancelled throws <see cref="OperationCanceledException"/>, and a
    /// write that would otherwise have succeeded leaves no trace: no attempt counted, no window closed.
    /// </summary>
    /// <param name="member">The <see cref="IAttemptCounter"/> member called.</param>
    /// <returns>A task that completes when the test has run.</returns>
    [Theory]
    [InlineData(nameof(IAttemptCounter.GetAsync))]
    [InlineData(nameof(IAttemptCounter.TryAddAsync))]
    [InlineData(nameof(IAttemptCounter.ResetAsync))]
    public async Task Member_PreCancelledToken_ThrowsOperationCanceledAndWritesNothing(string member)
    {
        var counter = await NewCounterAsync();
        var key = NewKey();
        var fresh = NewKey();
        await counter.TryAddAsync(key, Limit, Window, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var cancelled = cancellation.Token;

        Func<Task>[] calls = member switch
        {
            nameof(IAttemptCounter.GetAsync) => [async () => await counter.GetAsync(key, cancelled), async () => await counter.GetAsync(fresh, cancelled)],
            nameof(IAttemptCounter.TryAddAsync) => [async () => await counter.TryAddAsync(key, Limit, Window, cancelled), async () => await counter.TryAddAsync(fresh, Limit, Window, cancelled)],
            nameof(IAttemptCounter.ResetAsync) => [async () => await counter.ResetAsync(key, cancelled)],
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "Not a member of IAttemptCounter."),
        };

        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
        }

        await AssertCountAsync(counter, key, 1);
        await AssertCountAsync(counter, fresh, 0);
    }
}
