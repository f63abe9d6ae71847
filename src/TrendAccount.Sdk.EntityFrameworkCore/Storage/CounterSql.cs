using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// The statements of <see cref="EntityFrameworkAttemptCounter{TContext}"/>, built once per model from its table and
/// column names (schema and delimiters included). Parameters: <c>@key</c>, <c>@limit</c>, <c>@now</c>, <c>@end</c>,
/// <c>@batch</c>.
/// </summary>
/// <remarks>
/// <para>Counting is one statement, an atomic conditional upsert (PostgreSQL 9.5+, SQLite 3.35+ for RETURNING):</para>
/// <code>
/// INSERT INTO trend_counters AS c (key, count, window_end) VALUES (@key, 1, @end)
/// ON CONFLICT (key) DO UPDATE SET
///     count      = CASE WHEN c.window_end &lt;= @now THEN 1    ELSE c.count + 1  END,
///     window_end = CASE WHEN c.window_end &lt;= @now THEN @end ELSE c.window_end END
/// WHERE c.window_end &lt;= @now OR c.count &lt; @limit
/// RETURNING count, window_end
/// </code>
/// <para>No row: a first attempt opens the window at 1. An expired row: the window is reused (reset to 1, new end),
/// so expired rows cost no delete on the hot path. An open row with room: counted. An open, full row: the WHERE
/// clause is false, nothing is written and nothing is returned — the attempt is refused, and a refusal never creates
/// or extends a window. PostgreSQL guarantees that the statement either inserts or updates even under concurrent
/// inserts of the same key, and evaluates the update (and its WHERE) on the latest committed row version after
/// waiting for a concurrent writer of that row, so concurrent callers on any number of nodes get 1, 2, …, limit and
/// then refusals, never a count past the limit. SQLite runs one writer at a time, which gives the same result.</para>
/// <para>The purge deletes at most <c>@batch</c> expired rows per call. The outer <c>window_end &lt;= @now</c> is
/// re-checked by PostgreSQL on the latest row version, so a row reused by a concurrent attempt (its window reopened)
/// is not deleted; on PostgreSQL the inner select skips rows other purgers hold (<c>FOR UPDATE SKIP LOCKED</c>), so
/// purges on several nodes never wait for or deadlock with each other.</para>
/// </remarks>
internal sealed class CounterSql
{
    private static readonly ConditionalWeakTable<IModel, CounterSql> Statements = new();

    private CounterSql(string tryAdd, string get, string reset, string purge)
    {
        TryAdd = tryAdd;
        Get = get;
        Reset = reset;
        Purge = purge;
    }

    /// <summary>Gets the conditional upsert; returns one row (count, window end) when counted, none when refused.</summary>
    public string TryAdd { get; }

    /// <summary>Gets the read of an open window (count, window end); no row when none is open.</summary>
    public string Get { get; }

    /// <summary>Gets the delete of one key's row.</summary>
    public string Reset { get; }

    /// <summary>Gets the bounded delete of expired rows.</summary>
    public string Purge { get; }

    /// <summary>Gets the statements for a context's model and provider.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The statements.</returns>
    public static CounterSql For(DbContext context) => Statements.GetValue(context.Model, _ => Build(context));

    private static CounterSql Build(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(CounterEntity)) ?? throw new InvalidOperationException(
            $"{context.GetType().Name} has no TrendAccount tables: call modelBuilder.ApplyTrendAccountModel(Database) in its OnModelCreating.");
        var sql = context.GetService<ISqlGenerationHelper>();
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException("The TrendAccount counters entity is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());

        string Column(string property) =>
            sql.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(table)
                ?? throw new InvalidOperationException($"The TrendAccount counters table has no column for {property}."));

        var t = sql.DelimitIdentifier(table.Name, table.Schema);
        var key = Column(nameof(CounterEntity.Key));
        var count = Column(nameof(CounterEntity.Count));
        var end = Column(nameof(CounterEntity.WindowEnd));
        var lockRows = ProviderNames.IsSqlite(context.Database.ProviderName) ? string.Empty : " FOR UPDATE SKIP LOCKED";

        var tryAdd = $"INSERT INTO {t} AS c ({key}, {count}, {end}) VALUES (@key, 1, @end) "
            + $"ON CONFLICT ({key}) DO UPDATE SET "
            + $"{count} = CASE WHEN c.{end} <= @now THEN 1 ELSE c.{count} + 1 END, "
            + $"{end} = CASE WHEN c.{end} <= @now THEN @end ELSE c.{end} END "
            + $"WHERE c.{end} <= @now OR c.{count} < @limit "
            + $"RETURNING {count}, {end}";
        var get = $"SELECT {count}, {end} FROM {t} WHERE {key} = @key AND {end} > @now";
        var reset = $"DELETE FROM {t} WHERE {key} = @key";
        var purge = $"DELETE FROM {t} WHERE {end} <= @now AND {key} IN "
            + $"(SELECT {key} FROM {t} WHERE {end} <= @now LIMIT @batch{lockRows})";
        return new CounterSql(tryAdd, get, reset, purge);
    }
}
