using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// An <see cref="IAttemptCounter"/> on the host's database (table <c>trend_counters</c>), so that every throttle,
/// per-client limit, step-up threshold and device budget holds once across all nodes that share the database, for
/// hosts that have no Redis. Thread-safe; a singleton that opens a fresh context per call.
/// </summary>
/// <remarks>
/// <para>Each attempt is one conditional upsert (see <see cref="CounterSql"/>): atomic across nodes, and a refusal or a
/// read never writes a row. Windows are timed by the calling node's <see cref="TimeProvider"/>, so nodes' clocks
/// should agree to well within a window (NTP); a node whose clock runs ahead closes windows early.</para>
/// <para>Expired rows are reused by the next attempt on their key. Rows of keys that never come back are deleted
/// in bounded batches: every <see cref="PurgeInterval"/>-th attempt counted on a node also deletes at most
/// <see cref="PurgeBatchSize"/> expired rows, so the table holds about the keys seen in the longest window, and no
/// call does unbounded work. A purge that fails (a lock timeout) is skipped; the next one catches up.</para>
/// <para>Supported on SQLite (3.35 or later, which Microsoft.Data.Sqlite bundles) and PostgreSQL (9.5 or later).</para>
/// </remarks>
/// <typeparam name="TContext">The host's context, whose model holds the TrendAccount tables.</typeparam>
internal sealed class EntityFrameworkAttemptCounter<TContext> : IAttemptCounter
    where TContext : DbContext
{
    /// <summary>The attempts counted on one node between two purges.</summary>
    public const int PurgeInterval = 256;

    /// <summary>The most expired rows one purge deletes.</summary>
    public const int PurgeBatchSize = 1000;

    private readonly DbContextSource<TContext> _contexts;
    private readonly TimeProvider _time;
    private long _attempts;

    public EntityFrameworkAttemptCounter(DbContextSource<TContext> contexts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(time);
        _contexts = contexts;
        _time = time;
    }

    public async ValueTask<AttemptCount> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        return await ReadAsync(lease.Context, key, now, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AttemptCount> TryAddAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var context = lease.Context;
        var statements = Statements(context);

        AttemptCount result;
        var command = await CommandAsync(context, statements.TryAdd, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            AddParameter(command, "@key", key);
            AddParameter(command, "@limit", limit);
            AddParameter(command, "@now", ToProvider(context, now));
            AddParameter(command, "@end", ToProvider(context, now + window));
            var counted = await ReadRowAsync(context, command, now, added: true, cancellationToken).ConfigureAwait(false);

            // Refused: the full window's state, read after the fact (a window that closed meanwhile reads as none).
            result = counted ?? await ReadAsync(context, key, now, cancellationToken).ConfigureAwait(false);
        }

        if (Interlocked.Increment(ref _attempts) % PurgeInterval == 0)
        {
            await TryPurgeAsync(context, now, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var command = await CommandAsync(lease.Context, Statements(lease.Context).Reset, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            AddParameter(command, "@key", key);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes at most <paramref name="batchSize"/> expired rows now.</summary>
    /// <param name="batchSize">The most rows to delete.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The rows deleted.</returns>
    public async Task<int> PurgeExpiredAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        return await PurgeAsync(lease.Context, _time.GetUtcNow(), batchSize, cancellationToken).ConfigureAwait(false);
    }

    private static CounterSql Statements(DbContext context)
    {
        if (!ProviderNames.SupportsUpdateReturning(context.Database.ProviderName))
        {
            throw new NotSupportedException(
                $"The Entity Framework attempt counter supports SQLite and PostgreSQL, not {context.Database.ProviderName}; use the in-memory counter (the default) or a Redis one.");
        }

        return CounterSql.For(context);
    }

    private static async Task<AttemptCount> ReadAsync(DbContext context, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(context, Statements(context).Get, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            AddParameter(command, "@key", key);
            AddParameter(command, "@now", ToProvider(context, now));
            return await ReadRowAsync(context, command, now, added: false, cancellationToken).ConfigureAwait(false) ?? AttemptCount.None;
        }
    }

    private static async Task<AttemptCount?> ReadRowAsync(DbContext context, DbCommand command, DateTimeOffset now, bool added, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var count = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            var end = ProviderNames.IsSqlite(context.Database.ProviderName)
                ? new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)
                : reader.GetFieldValue<DateTimeOffset>(1);
            var retryAfter = end > now ? end - now : TimeSpan.Zero;
            return new AttemptCount(count, added, retryAfter);
        }
    }

    private async Task TryPurgeAsync(DbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await PurgeAsync(context, now, PurgeBatchSize, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // Housekeeping must not fail the attempt it rides on; the rows stay until the next purge.
        }
    }

    private static async Task<int> PurgeAsync(DbContext context, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var command = await CommandAsync(context, Statements(context).Purge, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            AddParameter(command, "@now", ToProvider(context, now));
            AddParameter(command, "@batch", batchSize);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DbCommand> CommandAsync(DbContext context, string sql, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        if (context.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // The same representation as the model's instants (TrendAccountModelBuilderExtensions): UTC ticks on SQLite,
    // a UTC DateTimeOffset (timestamptz) on PostgreSQL.
    private static object ToProvider(DbContext context, DateTimeOffset instant) =>
        ProviderNames.IsSqlite(context.Database.ProviderName) ? InstantConverters.UtcTicks.ConvertToProvider(instant)! : instant.ToUniversalTime();
}
