using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// The single statement that records a failed sign-in on databases with <c>UPDATE … RETURNING</c>:
/// <code>
/// UPDATE trend_accounts
/// SET failed_sign_in_count = CASE WHEN failed_sign_in_count + 1 &gt;= @max THEN 0 ELSE failed_sign_in_count + 1 END,
///     lockout_end          = CASE WHEN failed_sign_in_count + 1 &gt;= @max THEN @until ELSE lockout_end END,
///     version              = version + 1
/// WHERE id = @id AND (lockout_end IS NULL OR lockout_end &lt;= @now)
/// RETURNING failed_sign_in_count AS "Value"
/// </code>
/// The database applies it to the row atomically (PostgreSQL re-evaluates the WHERE clause on the latest row
/// version after waiting for a concurrent writer; SQLite runs one writer at a time), so every caller gets its own
/// count back: the counts of concurrent callers are 1, 2, 3 … with none lost or repeated, and the one caller whose
/// failure reaches the threshold gets 0, meaning "this call locked the account". Callers that find the account
/// locked match no row.
/// </summary>
internal static class FailedSignInSql
{
    private static readonly ConditionalWeakTable<IModel, string> Statements = new();

    /// <summary>Gets the statement for a context's model and provider; parameters {0} max, {1} until, {2} id, {3} now.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The SQL with <c>{n}</c> parameter placeholders.</returns>
    public static string For(DbContext context) => Statements.GetValue(context.Model, _ => Build(context));

    /// <summary>Converts an instant to what the provider stores for it (the model's value converter).</summary>
    /// <param name="context">The context.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The provider value.</returns>
    public static object ToProviderInstant(DbContext context, DateTimeOffset instant)
    {
        var converter = AccountType(context).FindProperty(nameof(AccountEntity.LockoutEnd))?.GetValueConverter();
        return converter?.ConvertToProvider(instant) ?? instant;
    }

    private static string Build(DbContext context)
    {
        var entity = AccountType(context);
        var sql = context.GetService<ISqlGenerationHelper>();
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException("The TrendAccount accounts entity is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());

        string Column(string property) =>
            sql.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(table)
                ?? throw new InvalidOperationException($"The TrendAccount accounts table has no column for {property}."));

        var failed = Column(nameof(AccountEntity.FailedSignInCount));
        var lockout = Column(nameof(AccountEntity.LockoutEnd));
        var version = Column(nameof(AccountEntity.Version));
        var id = Column(nameof(AccountEntity.Id));
        return $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET "
            + $"{failed} = CASE WHEN {failed} + 1 >= {{0}} THEN 0 ELSE {failed} + 1 END, "
            + $"{lockout} = CASE WHEN {failed} + 1 >= {{0}} THEN {{1}} ELSE {lockout} END, "
            + $"{version} = {version} + 1 "
            + $"WHERE {id} = {{2}} AND ({lockout} IS NULL OR {lockout} <= {{3}}) "
            + $"RETURNING {failed} AS {sql.DelimitIdentifier("Value")}";
    }

    private static IEntityType AccountType(DbContext context) =>
        context.Model.FindEntityType(typeof(AccountEntity)) ?? throw new InvalidOperationException(
            $"{context.GetType().Name} has no TrendAccount tables: call modelBuilder.ApplyTrendAccountModel(Database) in its OnModelCreating.");
}
