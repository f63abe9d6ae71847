using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class TokenStoreSpecification
{
    /// <summary>Extending an active token moves its expiry and leaves it unconsumed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_ActiveToken_MovesExpiry()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        var newExpiry = ExpiresAt.AddMinutes(20);

        Assert.True(await store.TryExtendAsync(token.Digest, newExpiry, Origin.AddMinutes(20)));

        Assert.Equal(token with { ExpiresAt = newExpiry }, await store.FindAsync(token.Digest));
    }

    /// <summary>An extended token can be consumed after its old expiry and not at its new one (a sliding session).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_ExtendedToken_ActiveUntilNewExpiry()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        var other = await AddTokenAsync(store, token.AccountId, TokenPurpose.Session);
        var newExpiry = ExpiresAt.AddMinutes(20);
        Assert.True(await store.TryExtendAsync(token.Digest, newExpiry, Origin.AddMinutes(20)));
        Assert.True(await store.TryExtendAsync(other.Digest, newExpiry, Origin.AddMinutes(20)));

        Assert.True(await store.TryConsumeAsync(token.Digest, ExpiresAt));
        Assert.False(await store.TryConsumeAsync(other.Digest, newExpiry));
    }

    /// <summary>One resolution step before it expires, a token is still active and can be extended.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_OneStepBeforeExpiry_ReturnsTrue()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        var newExpiry = ExpiresAt.AddMinutes(30);

        Assert.True(await store.TryExtendAsync(token.Digest, newExpiry, ExpiresAt - Resolution()));

        Assert.Equal(newExpiry, (await store.FindAsync(token.Digest))?.ExpiresAt);
    }

    /// <summary>At the instant it expires a token can no longer be extended, and its expiry stays.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_AtExpiry_ReturnsFalseAndKeepsExpiry()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);

        Assert.False(await store.TryExtendAsync(token.Digest, ExpiresAt.AddMinutes(30), ExpiresAt));

        Assert.Equal(token, await store.FindAsync(token.Digest));
    }

    /// <summary>A consumed token cannot be extended, and its record stays as it was.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_ConsumedToken_ReturnsFalseAndChangesNothing()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        Assert.True(await store.TryConsumeAsync(token.Digest, Origin.AddMinutes(1)));
        var consumed = await store.FindAsync(token.Digest);

        Assert.False(await store.TryExtendAsync(token.Digest, ExpiresAt.AddMinutes(30), Origin.AddMinutes(2)));

        Assert.Equal(consumed, await store.FindAsync(token.Digest));
    }

    /// <summary>A digest no record has cannot be extended, and no record is created for it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_UnknownDigest_ReturnsFalse()
    {
        var store = await NewStoreAsync();
        var digest = SecureTokens.Issue().Digest;

        Assert.False(await store.TryExtendAsync(digest, ExpiresAt, Origin));
        Assert.Null(await store.FindAsync(digest));
    }

    /// <summary>Extensions racing with a consumption never bring a consumed token back: once consumed, it stays consumed.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_RacingWithConsume_NeverRevivesConsumedToken()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        var newExpiry = ExpiresAt.AddHours(1);

        var results = await RunConcurrentlyAsync(ParallelCallers, i => i == ParallelCallers / 2
            ? store.TryConsumeAsync(token.Digest, Origin)
            : store.TryExtendAsync(token.Digest, newExpiry, Origin));

        Assert.True(results[ParallelCallers / 2]);
        var stored = await store.FindAsync(token.Digest);
        Assert.NotNull(stored);
        Assert.Equal(Origin, stored.ConsumedAt);
        Assert.False(stored.IsActiveAt(Origin));
        Assert.False(await store.TryConsumeAsync(token.Digest, Origin));
    }
}
