using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class TokenStoreSpecification
{
    /// <summary>An active token is consumed once: the call succeeds and the record keeps the consumption time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_ActiveToken_ReturnsTrueAndRecordsConsumedAt()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);
        var now = Origin.AddMinutes(3);

        Assert.True(await store.TryConsumeAsync(token.Digest, now, CancellationToken.None));

        Assert.Equal(token with { ConsumedAt = now }, await store.FindAsync(token.Digest, CancellationToken.None));
    }

    /// <summary>A consumed token cannot be consumed again, and its first consumption time stays.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_ConsumedToken_ReturnsFalseAndKeepsFirstConsumedAt()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);
        Assert.True(await store.TryConsumeAsync(token.Digest, Origin.AddMinutes(1), CancellationToken.None));

        Assert.False(await store.TryConsumeAsync(token.Digest, Origin.AddMinutes(2), CancellationToken.None));

        Assert.Equal(Origin.AddMinutes(1), (await store.FindAsync(token.Digest, CancellationToken.None))?.ConsumedAt);
    }

    /// <summary>A digest no record has cannot be consumed, and no record is created for it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_UnknownDigest_ReturnsFalse()
    {
        var store = await NewStoreAsync();
        var digest = ConformanceData.NewDigest();

        Assert.False(await store.TryConsumeAsync(digest, Origin, CancellationToken.None));
        Assert.Null(await store.FindAsync(digest, CancellationToken.None));
    }

    /// <summary>One resolution step before it expires, a token is still active and can be consumed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_OneStepBeforeExpiry_ReturnsTrue()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);

        Assert.True(await store.TryConsumeAsync(token.Digest, ExpiresAt - Resolution(), CancellationToken.None));
    }

    /// <summary>At the instant it expires a token is no longer active: it is not consumed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_AtExpiry_ReturnsFalseAndLeavesTokenUnconsumed()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);

        Assert.False(await store.TryConsumeAsync(token.Digest, ExpiresAt, CancellationToken.None));

        Assert.Equal(token, await store.FindAsync(token.Digest, CancellationToken.None));
    }

    /// <summary>After it expired, a token is not consumed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_AfterExpiry_ReturnsFalse()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);

        Assert.False(await store.TryConsumeAsync(token.Digest, ExpiresAt.AddDays(1), CancellationToken.None));

        Assert.Equal(token, await store.FindAsync(token.Digest, CancellationToken.None));
    }

    /// <summary>Consuming one token of an account leaves its other tokens active.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_OneOfTwoTokens_LeavesTheOtherActive()
    {
        var store = await NewStoreAsync();
        var first = await AddTokenAsync(store);
        var second = await AddTokenAsync(store, first.AccountId);

        Assert.True(await store.TryConsumeAsync(first.Digest, Origin, CancellationToken.None));

        Assert.Equal(second, await store.FindAsync(second.Digest, CancellationToken.None));
        Assert.True(await store.TryConsumeAsync(second.Digest, Origin, CancellationToken.None));
    }

    /// <summary>100 callers consuming one token at once: exactly one succeeds.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_ParallelCallers_ExactlyOneSucceeds()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store);

        var results = await RunConcurrentlyAsync(ParallelCallers, i => store.TryConsumeAsync(token.Digest, Origin.AddSeconds(i), CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, ParallelCallers), i => results[i]);
        Assert.Equal(token with { ConsumedAt = Origin.AddSeconds(winner) }, await store.FindAsync(token.Digest, CancellationToken.None));
    }

    /// <summary>Many callers consuming many tokens at once: each token is consumed by exactly one of the callers that race for it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryConsumeAsync_ParallelCallersManyTokens_EachTokenConsumedExactlyOnce()
    {
        const int Tokens = 10;
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var tokens = new TokenRecord[Tokens];
        for (var i = 0; i < Tokens; i++)
        {
            tokens[i] = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        }

        var results = await RunConcurrentlyAsync(ParallelCallers, i => store.TryConsumeAsync(tokens[i % Tokens].Digest, Origin, CancellationToken.None));

        for (var t = 0; t < Tokens; t++)
        {
            Assert.Equal(1, Enumerable.Range(0, ParallelCallers).Count(i => i % Tokens == t && results[i]));
            Assert.Equal(Origin, (await store.FindAsync(tokens[t].Digest, CancellationToken.None))?.ConsumedAt);
        }
    }
}
