using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// <see cref="IMailOutbox"/> on Entity Framework Core (table <c>trend_outbox</c>). Thread-safe (a fresh context per
/// call). Every state change is one UPDATE whose WHERE clause carries the claim, so the database decides races
/// between nodes; a mail and the token its link carries are inserted by one <c>SaveChanges</c>, one transaction.
/// </summary>
/// <typeparam name="TContext">The host's context, whose model includes <see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>.</typeparam>
internal sealed class EntityFrameworkMailOutbox<TContext> : IMailOutbox
    where TContext : DbContext
{
    private readonly DbContextSource<TContext> _contexts;

    public EntityFrameworkMailOutbox(DbContextSource<TContext> contexts)
    {
        _contexts = contexts;
    }

    public async Task AddAsync(OutboxMail mail, TokenRecord? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);

        // One SaveChanges, one transaction: INSERT INTO trend_tokens …; INSERT INTO trend_outbox …; COMMIT.
        lease.Context.Set<OutboxEntity>().Add(OutboxEntity.From(mail));
        if (token is not null)
        {
            lease.Context.Set<TokenEntity>().Add(TokenEntity.From(token));
        }

        await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OutboxMail>> ClaimAsync(Guid claimId, int maximumCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumCount, 1);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var context = lease.Context;
        var set = context.Set<OutboxEntity>();

        List<Guid> candidates;
        if (string.Equals(context.Database.ProviderName, ProviderNames.Npgsql, StringComparison.Ordinal))
        {
            // PostgreSQL: lock the candidates and skip rows another node holds, so nodes never queue behind each other.
            //   SELECT id FROM trend_outbox
            //   WHERE state = 0 AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
            //   ORDER BY priority, next_attempt_at LIMIT @n FOR UPDATE SKIP LOCKED
            // then, in the same transaction, the conditional UPDATE below.
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var locked = await set.FromSqlRaw(SkipLockedSql(context), now, maximumCount).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                candidates = locked.ConvertAll(m => m.Id);
                await LeaseAsync(set, candidates, claimId, now, leaseUntil, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // SQLite and the rest: read candidates, then lease them with one conditional UPDATE. A row another node
            // leased in between no longer matches the WHERE clause, so it is not taken twice (SQLite also runs one
            // writer at a time).
            candidates = await Due(set, now)
                .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt)
                .Take(maximumCount)
                .Select(m => m.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            await LeaseAsync(set, candidates, claimId, now, leaseUntil, cancellationToken).ConfigureAwait(false);
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var claimed = await set.AsNoTracking()
            .Where(m => m.ClaimId == claimId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return claimed.OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt).Select(m => m.ToMail()).ToArray();
    }

    public async Task<bool> MarkDeliveredAsync(OutboxMail mail, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);

        // UPDATE trend_outbox SET state = 1, delivered_at = @at, text_body = '', html_body = '', link = NULL,
        //   claim_id = NULL, lease_until = NULL
        // WHERE id = @id AND claim_id = @claim AND state = 0
        // The bodies go: a delivered reset link is no longer readable from the database.
        var rows = await lease.Context.Set<OutboxEntity>()
            .Where(m => m.Id == mail.Id && m.ClaimId == mail.ClaimId && m.State == OutboxEntity.Waiting)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxEntity.Delivered)
                    .SetProperty(m => m.DeliveredAt, deliveredAt)
                    .SetProperty(m => m.TextBody, string.Empty)
                    .SetProperty(m => m.HtmlBody, string.Empty)
                    .SetProperty(m => m.Link, (string?)null)
                    .SetProperty(m => m.ClaimId, (Guid?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> MarkFailedAsync(OutboxMail mail, DateTimeOffset? nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(error);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var text = error.Length <= OutboxModel.ErrorLength ? error : error[..OutboxModel.ErrorLength];
        var mine = lease.Context.Set<OutboxEntity>()
            .Where(m => m.Id == mail.Id && m.ClaimId == mail.ClaimId && m.State == OutboxEntity.Waiting);

        // UPDATE trend_outbox SET next_attempt_at = @retry (or state = 2), last_error = @error, claim_id = NULL, lease_until = NULL
        // WHERE id = @id AND claim_id = @claim AND state = 0
        var rows = nextAttemptAt is { } retryAt
            ? await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, retryAt)
                    .SetProperty(m => m.LastError, text)
                    .SetProperty(m => m.ClaimId, (Guid?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false)
            : await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxEntity.Dead)
                    .SetProperty(m => m.LastError, text)
                    .SetProperty(m => m.ClaimId, (Guid?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<int> PurgeDeliveredAsync(DateTimeOffset deliveredBefore, int maximumCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumCount, 1);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var set = lease.Context.Set<OutboxEntity>();

        // DELETE FROM trend_outbox WHERE id IN (SELECT id FROM trend_outbox WHERE state = 1 AND delivered_at < @before
        //   ORDER BY delivered_at LIMIT @n): one bounded batch on the (state, delivered_at) index.
        var batch = set
            .Where(m => m.State == OutboxEntity.Delivered && m.DeliveredAt < deliveredBefore)
            .OrderBy(m => m.DeliveredAt)
            .Take(maximumCount)
            .Select(m => m.Id);
        return await set.Where(m => batch.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken)
    {
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var waiting = lease.Context.Set<OutboxEntity>().AsNoTracking().Where(m => m.State == OutboxEntity.Waiting);
        var depth = await waiting.LongCountAsync(cancellationToken).ConfigureAwait(false);
        if (depth == 0)
        {
            return new OutboxBacklog(0, null);
        }

        // Two statements: another node may deliver the last waiting row between them, so none may be left to read.
        var oldest = await waiting.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return oldest is null ? new OutboxBacklog(0, null) : new OutboxBacklog(depth, oldest);
    }

    private static IQueryable<OutboxEntity> Due(IQueryable<OutboxEntity> set, DateTimeOffset now) =>
        set.Where(m => m.State == OutboxEntity.Waiting && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil <= now));

    // UPDATE trend_outbox SET claim_id = @claim, lease_until = @until, attempts = attempts + 1
    // WHERE id IN (@candidates) AND state = 0 AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
    private static Task<int> LeaseAsync(DbSet<OutboxEntity> set, List<Guid> candidates, Guid claimId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        candidates.Count == 0
            ? Task.FromResult(0)
            : Due(set.Where(m => candidates.Contains(m.Id)), now).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.ClaimId, claimId)
                    .SetProperty(m => m.LeaseUntil, leaseUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                cancellationToken);

    private static string SkipLockedSql(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(OutboxEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(table) + "\"";
        var name = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        return $"SELECT * FROM {name} WHERE {Column(nameof(OutboxEntity.State))} = {OutboxEntity.Waiting} " +
            $"AND {Column(nameof(OutboxEntity.NextAttemptAt))} <= {{0}} " +
            $"AND ({Column(nameof(OutboxEntity.LeaseUntil))} IS NULL OR {Column(nameof(OutboxEntity.LeaseUntil))} <= {{0}}) " +
            $"ORDER BY {Column(nameof(OutboxEntity.Priority))}, {Column(nameof(OutboxEntity.NextAttemptAt))} " +
            "LIMIT {1} FOR UPDATE SKIP LOCKED";
    }
}
