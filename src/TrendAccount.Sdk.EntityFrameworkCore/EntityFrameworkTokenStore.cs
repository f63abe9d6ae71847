using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// <see cref="ITokenStore"/> on Entity Framework Core. Thread-safe (a fresh context per call); every conditional
/// write is one UPDATE statement whose WHERE clause carries the condition, so the database decides races between
/// processes.
/// </summary>
/// <typeparam name="TContext">The host's context, whose model includes <see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>.</typeparam>
internal sealed class EntityFrameworkTokenStore<TContext> : ITokenStore
    where TContext : DbContext
{
    private readonly DbContextSource<TContext> _contexts;

    public EntityFrameworkTokenStore(DbContextSource<TContext> contexts)
    {
        _contexts = contexts;
    }

    public async Task AddAsync(TokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        lease.Context.Set<TokenEntity>().Add(TokenEntity.From(token));
        await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<TokenRecord?> FindAsync(string digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var entity = await lease.Context.Set<TokenEntity>()
            .AsNoTracking()
            .FirstOrDefaultAsync(t => t.Digest == digest, cancellationToken)
            .ConfigureAwait(false);
        return entity?.ToRecord();
    }

    public async Task<bool> TryConsumeAsync(string digest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);

        // UPDATE trend_tokens SET consumed_at = @now
        // WHERE digest = @digest AND consumed_at IS NULL AND expires_at > @now
        var rows = await lease.Context.Set<TokenEntity>()
            .Where(t => t.Digest == digest && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken)
            .ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> TryExtendAsync(string digest, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);

        // UPDATE trend_tokens SET expires_at = @expiresAt
        // WHERE digest = @digest AND consumed_at IS NULL AND expires_at > @now
        var rows = await lease.Context.Set<TokenEntity>()
            .Where(t => t.Digest == digest && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, expiresAt), cancellationToken)
            .ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var active = lease.Context.Set<TokenEntity>()
            .Where(t => t.AccountId == accountId && t.ConsumedAt == null && t.ExpiresAt > now);
        if (purpose is { } only)
        {
            active = active.Where(t => t.Purpose == only);
        }

        return await active
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<int> RevokeAllButNewestAsync(Guid accountId, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var tokens = lease.Context.Set<TokenEntity>();

        // UPDATE trend_tokens SET consumed_at = @now
        // WHERE account_id = @accountId AND purpose = @purpose AND consumed_at IS NULL AND expires_at > @now
        //   AND digest NOT IN (SELECT digest FROM trend_tokens
        //                      WHERE account_id = @accountId AND purpose = @purpose AND consumed_at IS NULL AND expires_at > @now
        //                      ORDER BY issued_at DESC, digest DESC LIMIT 1)
        // One statement: the newest is chosen and the others revoked together. On PostgreSQL (READ COMMITTED) the
        // statement sees every token committed before it started, and each issuer calls this after its own insert
        // committed, so the last call to start sees every token and keeps the newest; no call ever revokes the newest
        // (nothing sorts after it), and a row another call revoked first is re-checked on its new version and skipped.
        // SQLite runs one writer at a time, so the statement is atomic there too. Digests are lower-case hex of one
        // length, which every collation orders as ordinal.
        var active = tokens.Where(t => t.AccountId == accountId && t.Purpose == purpose && t.ConsumedAt == null && t.ExpiresAt > now);
        var newest = active
            .OrderByDescending(t => t.IssuedAt)
            .ThenByDescending(t => t.Digest)
            .Take(1)
            .Select(t => t.Digest);
        return await active
            .Where(t => !newest.Contains(t.Digest))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var tokens = lease.Context.Set<TokenEntity>();

        // DELETE FROM trend_tokens WHERE expires_at < @before AND digest IN (
        //     SELECT digest FROM trend_tokens WHERE expires_at < @before ORDER BY expires_at LIMIT @batchSize)
        // One statement, bounded by LIMIT in a subquery (SQLite's DELETE has no LIMIT of its own); the subquery is a
        // range scan of ix_trend_tokens_expires_at. The outer condition repeats the expiry test so that PostgreSQL,
        // which re-checks it on the row it locked, skips a session that slid past @before after the subquery read it;
        // a row another node deleted first is skipped too, so each row is deleted once.
        var due = tokens
            .Where(t => t.ExpiresAt < before)
            .OrderBy(t => t.ExpiresAt)
            .Take(batchSize)
            .Select(t => t.Digest);
        return await tokens
            .Where(t => t.ExpiresAt < before && due.Contains(t.Digest))
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
