using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class TokenStoreSpecification
{
    /// <summary>Revoking one purpose consumes every active token of that purpose for that account, and nothing else.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllAsync_OnePurpose_RevokesOnlyThatPurposeOfThatAccount()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var reset1 = await AddTokenAsync(store, accountId, TokenPurpose.PasswordReset);
        var reset2 = await AddTokenAsync(store, accountId, TokenPurpose.PasswordReset);
        var session = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        var otherAccount = await AddTokenAsync(store, Guid.NewGuid(), TokenPurpose.PasswordReset);
        var now = Origin.AddMinutes(5);

        Assert.Equal(2, await store.RevokeAllAsync(accountId, TokenPurpose.PasswordReset, now, CancellationToken.None));

        Assert.Equal(reset1 with { ConsumedAt = now }, await store.FindAsync(reset1.Digest, CancellationToken.None));
        Assert.Equal(reset2 with { ConsumedAt = now }, await store.FindAsync(reset2.Digest, CancellationToken.None));
        Assert.Equal(session, await store.FindAsync(session.Digest, CancellationToken.None));
        Assert.Equal(otherAccount, await store.FindAsync(otherAccount.Digest, CancellationToken.None));
    }

    /// <summary>Revoking every purpose (after a password change) consumes every active token of the account, and nothing of other accounts.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllAsync_EveryPurpose_RevokesEveryActiveTokenOfThatAccount()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var reset = await AddTokenAsync(store, accountId, TokenPurpose.PasswordReset);
        var session1 = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        var session2 = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        var otherAccount = await AddTokenAsync(store, Guid.NewGuid(), TokenPurpose.Session);
        var now = Origin.AddMinutes(5);

        Assert.Equal(3, await store.RevokeAllAsync(accountId, null, now, CancellationToken.None));

        foreach (var token in new[] { reset, session1, session2 })
        {
            Assert.Equal(token with { ConsumedAt = now }, await store.FindAsync(token.Digest, CancellationToken.None));
            Assert.False(await store.TryConsumeAsync(token.Digest, now, CancellationToken.None));
            Assert.False(await store.TryExtendAsync(token.Digest, ExpiresAt.AddHours(1), now, CancellationToken.None));
        }

        Assert.Equal(otherAccount, await store.FindAsync(otherAccount.Digest, CancellationToken.None));
    }

    /// <summary>A token consumed before is not revoked again: it is not counted and keeps its first consumption time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllAsync_ConsumedToken_NotCountedAndConsumedAtKept()
    {
        var store = await NewStoreAsync();
        var consumed = await AddTokenAsync(store, purpose: TokenPurpose.Session);
        var active = await AddTokenAsync(store, consumed.AccountId, TokenPurpose.Session);
        Assert.True(await store.TryConsumeAsync(consumed.Digest, Origin.AddMinutes(1), CancellationToken.None));
        var now = Origin.AddMinutes(5);

        Assert.Equal(1, await store.RevokeAllAsync(consumed.AccountId, null, now, CancellationToken.None));

        Assert.Equal(consumed with { ConsumedAt = Origin.AddMinutes(1) }, await store.FindAsync(consumed.Digest, CancellationToken.None));
        Assert.Equal(active with { ConsumedAt = now }, await store.FindAsync(active.Digest, CancellationToken.None));
    }

    /// <summary>A token that expired is not active, so revoking does not count it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllAsync_ExpiredToken_NotCounted()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var expired = NewToken(accountId, TokenPurpose.Session, Origin.AddMinutes(1));
        await store.AddAsync(expired, CancellationToken.None);
        var active = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        var now = Origin.AddMinutes(5);

        Assert.Equal(1, await store.RevokeAllAsync(accountId, null, now, CancellationToken.None));

        Assert.Equal(active with { ConsumedAt = now }, await store.FindAsync(active.Digest, CancellationToken.None));
        Assert.False((await store.FindAsync(expired.Digest, CancellationToken.None))?.IsActiveAt(now));
    }

    /// <summary>Revoking for an account with no tokens revokes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllAsync_NoTokens_ReturnsZero()
    {
        var store = await NewStoreAsync();
        var other = await AddTokenAsync(store);

        Assert.Equal(0, await store.RevokeAllAsync(Guid.NewGuid(), null, Origin, CancellationToken.None));
        Assert.Equal(0, await store.RevokeAllAsync(other.AccountId, TokenPurpose.Session, Origin, CancellationToken.None));
        Assert.Equal(other, await store.FindAsync(other.Digest, CancellationToken.None));
    }

    /// <summary>
    /// A revocation racing with 100 consumptions of the account's 100 tokens: every token ends consumed, by
    /// exactly one of the two — the consumptions that succeeded plus the revoked count is exactly 100.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllAsync_RacingWithConsume_EachTokenEndsExactlyOnce()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var tokens = new TokenRecord[ParallelCallers];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        }

        var results = await RunConcurrentlyAsync(ParallelCallers + 1, async i => i == ParallelCallers
            ? await store.RevokeAllAsync(accountId, null, Origin, CancellationToken.None)
            : await store.TryConsumeAsync(tokens[i].Digest, Origin, CancellationToken.None) ? 1 : 0);

        Assert.Equal(ParallelCallers, results.Sum());
        foreach (var token in tokens)
        {
            Assert.Equal(Origin, (await store.FindAsync(token.Digest, CancellationToken.None))?.ConsumedAt);
        }
    }
}
