using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class TokenStoreSpecification
{
    /// <summary>
    /// Of an account's active tokens of one purpose, only the latest issued stays active — whatever order they were
    /// stored in; other purposes and other accounts are untouched.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllButNewestAsync_SeveralActive_KeepsOnlyTheLatestIssued()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var middle = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-2));
        var newest = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-1));
        var oldest = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-3));
        var session = await AddTokenAsync(store, accountId, TokenPurpose.Session);
        var otherAccount = await AddIssuedAtAsync(store, Guid.NewGuid(), Origin.AddMinutes(-5));
        var now = Origin.AddMinutes(5);

        Assert.Equal(2, await store.RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, now, CancellationToken.None));

        Assert.Equal(newest, await store.FindAsync(newest.Digest, CancellationToken.None));
        Assert.Equal(middle with { ConsumedAt = now }, await store.FindAsync(middle.Digest, CancellationToken.None));
        Assert.Equal(oldest with { ConsumedAt = now }, await store.FindAsync(oldest.Digest, CancellationToken.None));
        Assert.Equal(session, await store.FindAsync(session.Digest, CancellationToken.None));
        Assert.Equal(otherAccount, await store.FindAsync(otherAccount.Digest, CancellationToken.None));
    }

    /// <summary>Tokens issued at the same instant are told apart by digest: the ordinally greatest one stays active.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllButNewestAsync_SameIssuedAt_KeepsTheOrdinallyGreatestDigest()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var tokens = new List<TokenRecord>();
        for (var i = 0; i < 5; i++)
        {
            tokens.Add(await AddIssuedAtAsync(store, accountId, Origin));
        }

        Assert.Equal(4, await store.RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, Origin, CancellationToken.None));

        var kept = tokens.MaxBy(t => t.Digest, StringComparer.Ordinal)!;
        foreach (var token in tokens)
        {
            Assert.Equal(ReferenceEquals(token, kept) ? token : token with { ConsumedAt = Origin }, await store.FindAsync(token.Digest, CancellationToken.None));
        }
    }

    /// <summary>
    /// A newer token that is already consumed or expired does not count: the newest <em>active</em> token stays, so a
    /// used or expired link never leaves the account with no working one.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllButNewestAsync_NewerTokensConsumedOrExpired_KeepsTheNewestActive()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        var now = Origin.AddMinutes(5);
        var older = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-3));
        var active = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-2));
        var consumed = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-1));
        Assert.True(await store.TryConsumeAsync(consumed.Digest, Origin, CancellationToken.None));
        var expired = NewToken(accountId, TokenPurpose.PasswordReset, now) with { IssuedAt = Origin };
        await store.AddAsync(expired, CancellationToken.None);

        Assert.Equal(1, await store.RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, now, CancellationToken.None));

        Assert.Equal(active, await store.FindAsync(active.Digest, CancellationToken.None));
        Assert.Equal(older with { ConsumedAt = now }, await store.FindAsync(older.Digest, CancellationToken.None));
        Assert.Equal(consumed with { ConsumedAt = Origin }, await store.FindAsync(consumed.Digest, CancellationToken.None));
        Assert.Equal(expired, await store.FindAsync(expired.Digest, CancellationToken.None));
    }

    /// <summary>The call is idempotent: repeated, or for an account with one token or none, it revokes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllButNewestAsync_Repeated_RevokesNothingMore()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();
        await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-2));
        var newest = await AddIssuedAtAsync(store, accountId, Origin.AddMinutes(-1));

        Assert.Equal(1, await store.RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, Origin, CancellationToken.None));
        Assert.Equal(0, await store.RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, Origin, CancellationToken.None));
        Assert.Equal(0, await store.RevokeAllButNewestAsync(Guid.NewGuid(), TokenPurpose.PasswordReset, Origin, CancellationToken.None));
        Assert.Equal(newest, await store.FindAsync(newest.Digest, CancellationToken.None));
    }

    /// <summary>
    /// 100 issuers at once, each storing its token and then keeping only the newest (the reset-link race across
    /// nodes): exactly one token stays active, the newest by issue time then digest, and every other is revoked by
    /// exactly one call.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RevokeAllButNewestAsync_RacingIssuers_ExactlyTheNewestStaysActive()
    {
        var store = await NewStoreAsync();
        var accountId = Guid.NewGuid();

        // Few distinct instants, so many tokens tie on IssuedAt and the digest decides.
        var tokens = Enumerable.Range(0, ParallelCallers)
            .Select(i => NewToken(accountId, TokenPurpose.PasswordReset, ExpiresAt) with { IssuedAt = Origin.AddSeconds(i % 3) })
            .ToArray();

        var revoked = await RunConcurrentlyAsync(ParallelCallers, async i =>
        {
            await store.AddAsync(tokens[i], CancellationToken.None);
            return await store.RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, Origin, CancellationToken.None);
        });

        var newest = tokens.OrderByDescending(t => t.IssuedAt).ThenByDescending(t => t.Digest, StringComparer.Ordinal).First();
        Assert.Equal(ParallelCallers - 1, revoked.Sum());
        foreach (var token in tokens)
        {
            var stored = await store.FindAsync(token.Digest, CancellationToken.None);
            Assert.Equal(ReferenceEquals(token, newest) ? null : Origin, stored?.ConsumedAt);
        }
    }

    /// <summary>Adds an active password-reset token issued at <paramref name="issuedAt"/> that expires at <see cref="ExpiresAt"/>.</summary>
    private static async Task<TokenRecord> AddIssuedAtAsync(ITokenStore store, Guid accountId, DateTimeOffset issuedAt)
    {
        var token = NewToken(accountId, TokenPurpose.PasswordReset, ExpiresAt) with { IssuedAt = issuedAt };
        await store.AddAsync(token, CancellationToken.None);
        return token;
    }
}
