using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Model;

/// <summary>What ApplyTrendAccountModel creates in a real database (tables, indexes, column types), per provider.</summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class SchemaTests<TDatabase> : StoreTestBase<TDatabase>
    where TDatabase : StoreDatabase
{
    protected SchemaTests(TDatabase database)
        : base(database)
    {
    }

    [Fact]
    public async Task ApplyTrendAccountModel_Tables_ArePrefixedAndInTheGivenSchema()
    {
        await using var context = Database.CreateContext();
        var expectedSchema = Database.IsSqlite ? null : TestDbContext.PostgresSchema;

        Assert.Equal(
            ["trend_accounts", "trend_serials", "trend_tokens", "trend_counters", "trend_outbox"],
            new[] { typeof(AccountEntity), typeof(SerialEntity), typeof(TokenEntity), typeof(CounterEntity), typeof(OutboxEntity) }.Select(t => context.Model.FindEntityType(t)!.GetTableName()));
        Assert.All(
            new[] { typeof(AccountEntity), typeof(SerialEntity), typeof(TokenEntity), typeof(CounterEntity), typeof(OutboxEntity) },
            t => Assert.Equal(expectedSchema, context.Model.FindEntityType(t)!.GetSchema()));
        Assert.Equal(
            ["host_notes", "trend_accounts", "trend_counters", "trend_outbox", "trend_serials", "trend_tokens"],
            await QueryStringsAsync(context, Database.IsSqlite
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
                : $"SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = '{TestDbContext.PostgresSchema}' ORDER BY table_name"));
    }

    [Fact]
    public async Task ApplyTrendAccountModel_Indexes_EnforceUniquenessAndServeLookups()
    {
        await using var context = Database.CreateContext();

        var indexes = Database.IsSqlite
            ? await QueryStringsAsync(context, """
                SELECT l.name || ':' || l."unique" AS "Value"
                FROM sqlite_master m, pragma_index_list(m.name) l
                WHERE m.type = 'table' AND m.name LIKE 'trend_%' AND l.origin = 'c'
                ORDER BY l.name
                """)
            : await QueryStringsAsync(context, $"""
                SELECT i.relname || ':' || CASE WHEN x.indisunique THEN '1' ELSE '0' END AS "Value"
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = '{TestDbContext.PostgresSchema}' AND t.relname LIKE 'trend_%' AND NOT x.indisprimary
                ORDER BY i.relname
                """);

        Assert.Equal(["ix_trend_counters_window_end:0", "ix_trend_outbox_claim_id:0", "ix_trend_outbox_state_delivered_at:0", "ix_trend_outbox_state_priority_next_attempt_at:0", "ix_trend_serials_account_id:0", "ix_trend_tokens_account_id_purpose:0", "ix_trend_tokens_expires_at:0", "ux_trend_accounts_lookup_key:1"], indexes);
    }

    [Fact]
    public async Task ApplyTrendAccountModel_Instants_UseTheProvidersComparableType()
    {
        await using var context = Database.CreateContext();
        var token = TestData.NewToken(Guid.NewGuid(), new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)), TimeSpan.FromMinutes(30));
        await Tokens.AddAsync(token, CancellationToken.None);

        if (Database.IsSqlite)
        {
            // UTC ticks in an INTEGER column: comparable in SQL, exact to 100 ns.
            Assert.Equal(["INTEGER"], await QueryStringsAsync(context, "SELECT type AS \"Value\" FROM pragma_table_info('trend_tokens') WHERE name = 'expires_at'"));
            Assert.Equal(
                [token.ExpiresAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                await QueryStringsAsync(context, $"SELECT CAST(expires_at AS TEXT) AS \"Value\" FROM trend_tokens WHERE digest = '{token.Digest}'"));
        }
        else
        {
            Assert.Equal(
                ["timestamp with time zone"],
                await QueryStringsAsync(context, $"SELECT data_type::text AS \"Value\" FROM information_schema.columns WHERE table_schema = '{TestDbContext.PostgresSchema}' AND table_name = 'trend_tokens' AND column_name = 'expires_at'"));
            Assert.Equal(
                ["2025-03-01 09:30:00+00"],
                await QueryStringsAsync(context, $"SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' AS \"Value\" FROM {TestDbContext.PostgresSchema}.trend_tokens WHERE digest = '{token.Digest}'"));
        }
    }

    [Fact]
    public async Task ApplyTrendAccountModel_Version_IsTheAccountConcurrencyToken()
    {
        await using var context = Database.CreateContext();
        var account = context.Model.FindEntityType(typeof(AccountEntity))!;
        var table = StoreObjectIdentifier.Table("trend_accounts", account.GetSchema());

        var concurrencyTokens = account.GetProperties().Where(p => p.IsConcurrencyToken).Select(p => p.GetColumnName(table));

        Assert.Equal(["version"], concurrencyTokens);
    }

    private static async Task<List<string>> QueryStringsAsync(DbContext context, string sql) =>
        await context.Database.SqlQueryRaw<string>(sql).ToListAsync();
}

public sealed class SqliteSchemaTests(SqliteDatabase database) : SchemaTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresSchemaTests(PostgresDatabase database) : SchemaTests<PostgresDatabase>(database);
