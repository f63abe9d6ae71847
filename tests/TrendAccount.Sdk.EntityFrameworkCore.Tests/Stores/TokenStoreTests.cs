using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// The EF Core token store on a real database, one subclass per provider; the conformance kit (<c>Conformance/</c>)
/// runs the full contract, including the 100-caller races.
/// </summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class TokenStoreTests<TDatabase> : StoreTestBase<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    protected TokenStoreTests(TDatabase database)
        : base(database)
    {
    }

    [Fact]
    public async Task AddAsync_Record_IsFoundByDigest()
    {
        // Instants at a non-UTC offset are stored as the same instants.
        var issued = new DateTimeOffset(2025, 3, 1, 4, 30, 0, TimeSpan.FromHours(-5));
        var token = TestData.NewToken(Guid.NewGuid(), issued, Lifetime, TokenPurpose.Session);

        await Tokens.AddAsync(token, CancellationToken.None);

        Assert.Equal(token, await Tokens.FindAsync(token.Digest, CancellationToken.None));
        Assert.Null(await Tokens.FindAsync(TestData.NewDigest(), CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeAsync_ActiveToken_ConsumesItOnce()
    {
        var token = await AddTokenAsync();

        Assert.True(await Tokens.TryConsumeAsync(token.Digest, Now, CancellationToken.None));
        Assert.False(await Tokens.TryConsumeAsync(token.Digest, Now, CancellationToken.None));
        Assert.Equal(Now, (await Tokens.FindAsync(token.Digest, CancellationToken.None))?.ConsumedAt);
    }

    [Fact]
    public async Task TryConsumeAsync_UnknownDigest_ReturnsFalse()
    {
        Assert.False(await Tokens.TryConsumeAsync(TestData.NewDigest(), Now, CancellationToken.None));
    }

    [Fact]
    public async Task TryConsumeAsync_AtExpiry_ReturnsFalse()
    {
        var token = await AddTokenAsync();

        Assert.False(await Tokens.TryConsumeAsync(token.Digest, token.ExpiresAt, CancellationToken.None));
        Assert.False(await Tokens.TryConsumeAsync(token.Digest, token.ExpiresAt.AddDays(1), CancellationToken.None));
        Assert.Null((await Tokens.FindAsync(token.Digest, CancellationToken.None))?.ConsumedAt);
    }

    [Fact]
    public async Task TryConsumeAsync_JustBeforeExpiry_Succeeds()
    {
        var token = await AddTokenAsync();

        // One tick on SQLite (ticks are stored exactly); PostgreSQL keeps microseconds, and a tick before a whole
        // microsecond is still before it there.
        Assert.True(await Tokens.TryConsumeAsync(token.Digest, token.ExpiresAt.AddTicks(-1), CancellationToken.None));
    }

    [Fact]
    public async Task TryExtendAsync_ActiveToken_MovesExpiry()
    {
        var token = await AddTokenAsync(TokenPurpose.Session);
        var later = token.ExpiresAt.AddMinutes(10);

        Assert.True(await Tokens.TryExtendAsync(token.Digest, later, Now, CancellationToken.None));
        Assert.Equal(later, (await Tokens.FindAsync(token.Digest, CancellationToken.None))?.ExpiresAt);
    }

    [Fact]
    public async Task TryExtendAsync_ConsumedOrExpiredToken_ReturnsFalseAndChangesNothing()
    {
        var consumed = await AddTokenAsync(TokenPurpose.Session);
        Assert.True(await Tokens.TryConsumeAsync(consumed.Digest, Now, CancellationToken.None));
        var expired = await AddTokenAsync(TokenPurpose.Session);

        Assert.False(await Tokens.TryExtendAsync(consumed.Digest, Now.AddHours(1), Now, CancellationToken.None));
        Assert.False(await Tokens.TryExtendAsync(expired.Digest, expired.ExpiresAt.AddHours(1), expired.ExpiresAt, CancellationToken.None));
        Assert.False(await Tokens.TryExtendAsync(TestData.NewDigest(), Now.AddHours(1), Now, CancellationToken.None));
        Assert.Equal(consumed.ExpiresAt, (await Tokens.FindAsync(consumed.Digest, CancellationToken.None))?.ExpiresAt);
        Assert.Equal(expired.ExpiresAt, (await Tokens.FindAsync(expired.Digest, CancellationToken.None))?.ExpiresAt);
    }

    [Fact]
    public async Task RevokeAllAsync_OnePurpose_RevokesOnlyActiveTokensOfThatPurposeAndAccount()
    {
        var accountId = Guid.NewGuid();
        var sessions = new[] { await AddTokenAsync(TokenPurpose.Session, accountId), await AddTokenAsync(TokenPurpose.Session, accountId) };
        var reset = await AddTokenAsync(TokenPurpose.PasswordReset, accountId);
        var used = await AddTokenAsync(TokenPurpose.Session, accountId);
        Assert.True(await Tokens.TryConsumeAsync(used.Digest, Now, CancellationToken.None));
        var otherAccount = await AddTokenAsync(TokenPurpose.Session);
        Time.Advance(TimeSpan.FromMinutes(1));

        var revoked = await Tokens.RevokeAllAsync(accountId, TokenPurpose.Session, Now, CancellationToken.None);

        Assert.Equal(2, revoked);
        foreach (var session in sessions)
        {
            Assert.Equal(Now, (await Tokens.FindAsync(session.Digest, CancellationToken.None))?.ConsumedAt);
        }

        Assert.Null((await Tokens.FindAsync(reset.Digest, CancellationToken.None))?.ConsumedAt);
        Assert.Equal(TestData.Start, (await Tokens.FindAsync(used.Digest, CancellationToken.None))?.ConsumedAt);
        Assert.Null((await Tokens.FindAsync(otherAccount.Digest, CancellationToken.None))?.ConsumedAt);
    }

    [Fact]
    public async Task RevokeAllAsync_EveryPurpose_RevokesAllActiveTokens()
    {
        var accountId = Guid.NewGuid();
        await AddTokenAsync(TokenPurpose.Session, accountId);
        var reset = await AddTokenAsync(TokenPurpose.PasswordReset, accountId);

        Assert.Equal(2, await Tokens.RevokeAllAsync(accountId, null, Now, CancellationToken.None));
        Assert.False(await Tokens.TryConsumeAsync(reset.Digest, Now, CancellationToken.None));
        Assert.Equal(0, await Tokens.RevokeAllAsync(accountId, null, Now, CancellationToken.None));
    }

    [Fact]
    public async Task Operations_CancelledToken_ThrowAndWriteNothing()
    {
        var token = await AddTokenAsync();
        var fresh = TestData.NewToken(Guid.NewGuid(), Now, Lifetime);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ct = cancelled.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tokens.AddAsync(fresh, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tokens.FindAsync(token.Digest, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tokens.TryConsumeAsync(token.Digest, Now, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tokens.TryExtendAsync(token.Digest, Now.AddHours(1), Now, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tokens.RevokeAllAsync(token.AccountId, null, Now, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tokens.PurgeExpiredAsync(Now.AddYears(1), 10, ct));

        Assert.Null(await Tokens.FindAsync(fresh.Digest, CancellationToken.None));
        Assert.Equal(token, await Tokens.FindAsync(token.Digest, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeExpiredAsync_Statement_IsOneBoundedDeleteThroughTheExpiryIndex()
    {
        var commands = new List<string>();
        await using var node = NodeLoggingCommandsTo(commands);

        // Long before any row of the shared database: deletes nothing, but runs the statement.
        Assert.Equal(0, await node.GetRequiredService<ITokenStore>().PurgeExpiredAsync(TestData.Start.AddYears(-50), 5, CancellationToken.None));

        var command = Assert.Single(commands);
        var sql = command[command.IndexOf("DELETE", StringComparison.Ordinal)..].Trim();
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
        Assert.Contains("expires_at", sql, StringComparison.Ordinal);

        // The plan of that very statement finds due rows through ix_trend_tokens_expires_at (PostgreSQL: with sequential
        // scans off, since a small table is cheaper to scan).
        await using var context = Database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        if (!Database.IsSqlite)
        {
            await using var noSeqScan = connection.CreateCommand();
            noSeqScan.CommandText = "SET enable_seqscan = off";
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (Database.IsSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, "@[A-Za-z0-9_]+").Select(m => m.Value).Distinct())
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = name.Contains("before", StringComparison.OrdinalIgnoreCase)
                ? Database.IsSqlite ? 0L : DateTimeOffset.UnixEpoch
                : 5;
            explain.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
            }
        }

        Assert.True(plan.Any(line => line.Contains("ix_trend_tokens_expires_at", StringComparison.Ordinal)), sql + "\n" + string.Join("\n", plan));
    }

    [Fact]
    public async Task RevokeAllButNewestAsync_Statement_IsOneUpdateThatChoosesTheNewestInside()
    {
        var commands = new List<string>();
        await using var node = NodeLoggingCommandsTo(commands);
        var accountId = Guid.NewGuid();
        await AddTokenAsync(accountId: accountId);
        var newest = TestData.NewToken(accountId, Now.AddSeconds(1), Lifetime, TokenPurpose.PasswordReset);
        await Tokens.AddAsync(newest, CancellationToken.None);

        Assert.Equal(1, await node.GetRequiredService<ITokenStore>().RevokeAllButNewestAsync(accountId, TokenPurpose.PasswordReset, Now, CancellationToken.None));

        // The choice of the newest and the revocation are one statement, so no other node's write comes between them.
        var command = Assert.Single(commands);
        var sql = command[command.IndexOf("UPDATE", StringComparison.Ordinal)..].Trim();
        Assert.Contains("SELECT", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
        Assert.Null((await Tokens.FindAsync(newest.Digest, CancellationToken.None))?.ConsumedAt);
    }

    private async Task<TokenRecord> AddTokenAsync(TokenPurpose purpose = TokenPurpose.PasswordReset, Guid? accountId = null)
    {
        var token = TestData.NewToken(accountId ?? Guid.NewGuid(), Now, Lifetime, purpose);
        await Tokens.AddAsync(token, CancellationToken.None);
        return token;
    }

    // A store of its own over the shared database that records every SQL command it executes.
    private ServiceProvider NodeLoggingCommandsTo(List<string> commands)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddDbContextFactory<TestDbContext>(options =>
        {
            Database.Configure(options);
            options.LogTo(commands.Add, [RelationalEventId.CommandExecuted], LogLevel.Information, DbContextLoggerOptions.None);
        });
        new TrendAccountBuilder(services).UseEntityFrameworkStores<TestDbContext>();
        return services.BuildServiceProvider();
    }
}

public sealed class SqliteTokenStoreTests(SqliteDatabase database) : TokenStoreTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresTokenStoreTests(PostgresDatabase database) : TokenStoreTests<PostgresDatabase>(database);
