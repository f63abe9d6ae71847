using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class TokenStoreSpecification
{
    // Purging deletes every due record of the store, not only the test's own, so the purge tests keep their tokens in
    // an era five years before every other test's instants, run one at a time, and start by draining that era. Other
    // tests sharing the store never have a token there, so they run beside these unharmed.
    private static readonly DateTimeOffset PurgeEra = Origin.AddYears(-5);
    private static readonly DateTimeOffset PurgeEraEnd = PurgeEra.AddDays(2);
    private static readonly SemaphoreSlim PurgeGate = new(1, 1);

    /// <summary>
    /// Records whose expiry is before the cutoff are deleted, consumed or not; one expiring exactly at the cutoff and
    /// one still live are kept.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task PurgeExpiredAsync_ExpiredBeforeCutoff_DeletesThemAndKeepsTheRest() => InPurgeEraAsync(async store =>
    {
        var cutoff = PurgeEra.AddMinutes(10);
        var expired = await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(1));
        var consumed = await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(2));
        Assert.True(await store.TryConsumeAsync(consumed.Digest, PurgeEra, CancellationToken.None));
        var atCutoff = await AddPurgeTokenAsync(store, cutoff);
        var live = await AddPurgeTokenAsync(store, PurgeEra.AddHours(1));

        Assert.Equal(2, await store.PurgeExpiredAsync(cutoff, 100, CancellationToken.None));

        Assert.Null(await store.FindAsync(expired.Digest, CancellationToken.None));
        Assert.Null(await store.FindAsync(consumed.Digest, CancellationToken.None));
        Assert.Equal(atCutoff, await store.FindAsync(atCutoff.Digest, CancellationToken.None));
        Assert.Equal(live, await store.FindAsync(live.Digest, CancellationToken.None));
        Assert.Equal(0, await store.PurgeExpiredAsync(cutoff, 100, CancellationToken.None));
    });

    /// <summary>With more records due than the batch size, each call deletes one batch, oldest expiry first, until none is left.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task PurgeExpiredAsync_MoreDueThanBatch_DeletesOneBatchPerCallOldestFirst() => InPurgeEraAsync(async store =>
    {
        var cutoff = PurgeEra.AddMinutes(10);
        var tokens = new TokenRecord[5];
        for (var i = 0; i < tokens.Length; i++)
        {
            // Added newest first, so insertion order cannot pass for expiry order.
            tokens[i] = await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(tokens.Length - i));
        }

        Assert.Equal(2, await store.PurgeExpiredAsync(cutoff, 2, CancellationToken.None));
        Assert.Null(await store.FindAsync(tokens[4].Digest, CancellationToken.None));
        Assert.Null(await store.FindAsync(tokens[3].Digest, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(tokens[2].Digest, CancellationToken.None));

        Assert.Equal(2, await store.PurgeExpiredAsync(cutoff, 2, CancellationToken.None));
        Assert.Equal(1, await store.PurgeExpiredAsync(cutoff, 2, CancellationToken.None));
        Assert.Equal(0, await store.PurgeExpiredAsync(cutoff, 2, CancellationToken.None));
        foreach (var token in tokens)
        {
            Assert.Null(await store.FindAsync(token.Digest, CancellationToken.None));
        }
    });

    /// <summary>
    /// A store judges a session by the expiry it has now: one slid past the cutoff is kept, one whose expiry was moved
    /// before the cutoff is deleted.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task PurgeExpiredAsync_SessionExtended_JudgedByCurrentExpiry() => InPurgeEraAsync(async store =>
    {
        var cutoff = PurgeEra.AddMinutes(10);
        var slid = await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(5));
        Assert.True(await store.TryExtendAsync(slid.Digest, PurgeEra.AddHours(1), PurgeEra.AddMinutes(1), CancellationToken.None));
        var shortened = await AddPurgeTokenAsync(store, PurgeEra.AddHours(2));
        Assert.True(await store.TryExtendAsync(shortened.Digest, PurgeEra.AddMinutes(5), PurgeEra.AddMinutes(1), CancellationToken.None));

        Assert.Equal(1, await store.PurgeExpiredAsync(cutoff, 100, CancellationToken.None));

        Assert.Equal(slid with { ExpiresAt = PurgeEra.AddHours(1) }, await store.FindAsync(slid.Digest, CancellationToken.None));
        Assert.Null(await store.FindAsync(shortened.Digest, CancellationToken.None));
        Assert.Equal(1, await store.PurgeExpiredAsync(PurgeEra.AddHours(3), 100, CancellationToken.None));
        Assert.Null(await store.FindAsync(slid.Digest, CancellationToken.None));
    });

    /// <summary>After a purge, the account's remaining tokens are revoked as before and the purged ones are not counted.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task PurgeExpiredAsync_ThenRevokeAll_RevokesOnlyWhatRemains() => InPurgeEraAsync(async store =>
    {
        var accountId = Guid.NewGuid();
        var expired = await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(1), accountId);
        var live = await AddPurgeTokenAsync(store, PurgeEra.AddHours(1), accountId);
        var now = PurgeEra.AddMinutes(10);

        Assert.Equal(1, await store.PurgeExpiredAsync(now, 100, CancellationToken.None));
        Assert.Equal(1, await store.RevokeAllAsync(accountId, null, now, CancellationToken.None));

        Assert.Null(await store.FindAsync(expired.Digest, CancellationToken.None));
        Assert.Equal(live with { ConsumedAt = now }, await store.FindAsync(live.Digest, CancellationToken.None));
    });

    /// <summary>Purges racing on one store delete each record once: the counts they return add up to the records that were due.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task PurgeExpiredAsync_ConcurrentPurges_DeleteEachRecordOnce() => InPurgeEraAsync(async store =>
    {
        const int Due = 50;
        var cutoff = PurgeEra.AddDays(1);
        for (var i = 0; i < Due; i++)
        {
            await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(i));
        }

        var live = await AddPurgeTokenAsync(store, cutoff.AddMinutes(1));

        var deleted = await RunConcurrentlyAsync(10, _ => store.PurgeExpiredAsync(cutoff, Due, CancellationToken.None));

        Assert.Equal(Due, deleted.Sum());
        Assert.Equal(0, await store.PurgeExpiredAsync(cutoff, Due, CancellationToken.None));
        Assert.Equal(live, await store.FindAsync(live.Digest, CancellationToken.None));
    });

    /// <summary>A purge given an already-cancelled token throws and deletes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public Task PurgeExpiredAsync_CancelledToken_ThrowsAndDeletesNothing() => InPurgeEraAsync(async store =>
    {
        var expired = await AddPurgeTokenAsync(store, PurgeEra.AddMinutes(1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PurgeExpiredAsync(PurgeEra.AddMinutes(10), 100, cancelled.Token));

        Assert.Equal(expired, await store.FindAsync(expired.Digest, CancellationToken.None));
    });

    /// <summary>A batch size below one is misuse.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task PurgeExpiredAsync_BatchSizeBelowOne_Throws()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.PurgeExpiredAsync(PurgeEra, 0, CancellationToken.None));
    }

    private async Task InPurgeEraAsync(Func<ITokenStore, Task> test)
    {
        var store = await NewStoreAsync();
        await PurgeGate.WaitAsync();
        try
        {
            // Leftovers of an earlier purge test (its live tokens) would otherwise be counted by this one.
            while (await store.PurgeExpiredAsync(PurgeEraEnd, 1000, CancellationToken.None) > 0)
            {
            }

            await test(store);
        }
        finally
        {
            PurgeGate.Release();
        }
    }

    private static async Task<TokenRecord> AddPurgeTokenAsync(ITokenStore store, DateTimeOffset expiresAt, Guid? accountId = null)
    {
        var token = NewToken(accountId ?? Guid.NewGuid(), TokenPurpose.Session, expiresAt);
        await store.AddAsync(token, CancellationToken.None);
        return token;
    }
}
