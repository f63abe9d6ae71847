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

        Assert.True(await store.TryExtendAsync(token.Digest, newExpiry, Origin.AddMinutes(20), CancellationToken.None));

        Assert.Equal(token with { ExpiresAt = newExpiry }, await store.FindAsync(token.Digest, CancellationToken.None));
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
        Assert.True(await store.TryExtendAsync(token.Digest, newExpiry, Origin.AddMinutes(20), CancellationToken.None));
        Assert.True(await store.TryExtendAsync(other.Digest, newExpiry, Origin.AddMinutes(20), CancellationToken.None));

        Assert.True(await store.TryConsumeAsync(token.Digest, ExpiresAt, CancellationToken.None));
        Assert.False(await store.TryConsumeAsync(other.Digest, newExpiry, CancellationToken.None));
    }

    /// <summary>One resolution step before it expires, a token is still active and can be extended.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_OneStepBeforeExpiry_ReturnsTrue()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        var newExpiry = ExpiresAt.AddMinutes(30);

        Assert.True(await store.TryExtendAsync(token.Digest, newExpiry, ExpiresAt - Resolution(), CancellationToken.None));

        Assert.Equal(newExpiry, (await store.FindAsync(token.Digest, CancellationToken.None))?.ExpiresAt);
    }

    /// <summary>At the instant it expires a token can no longer be extended, and its expiry stays.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_AtExpiry_ReturnsFalseAndKeepsExpiry()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);

        Assert.False(await store.TryExtendAsync(token.Digest, ExpiresAt.AddMinutes(30), ExpiresAt, CancellationToken.None));

        Assert.Equal(token, await store.FindAsync(token.Digest, CancellationToken.None));
    }

    /// <summary>A consumed token cannot be extended, and its record stays as it was.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_ConsumedToken_ReturnsFalseAndChangesNothing()
    {
        var store = await NewStoreAsync();
        var token = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        Assert.True(await store.TryConsumeAsync(token.Digest, Origin.AddMinutes(1), CancellationToken.None));
        var consumed = await store.FindAsync(token.Digest, CancellationToken.None);

        Assert.False(await store.TryExtendAsync(token.Digest, ExpiresAt.AddMinutes(30), Origin.AddMinutes(2), CancellationToken.None));

        Assert.Equal(consumed, await store.FindAsync(token.Digest, CancellationToken.None));
    }

    /// <summary>A digest no record has cannot be extended, and no record is created for it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task TryExtendAsync_UnknownDigest_ReturnsFalse()
    {
        var store = await NewStoreAsync();
        var digest = ConformanceData.NewDigest();

        Assert.False(await store.TryExtendAsync(digest, ExpiresAt, Origin, CancellationToken.None));
        Assert.Null(await store.FindAsync(digest, CancellationToken.None));
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
            ? store.TryConsumeAsync(token.Digest, Origin, CancellationToken.None)
            : store.TryExtendAsync(token.Digest, newExpiry, Origin, CancellationToken.None));

        Assert.True(results[ParallelCallers / 2]);
        var stored = await store.FindAsync(token.Digest, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Origin, stored.ConsumedAt);
        Assert.False(stored.IsActiveAt(Origin));
        Assert.False(await store.TryConsumeAsync(token.Digest, Origin, CancellationToken.None));
    }
}
