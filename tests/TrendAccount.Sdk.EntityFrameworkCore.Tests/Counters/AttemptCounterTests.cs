using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Counters;

/// <summary>
/// The EF Core attempt counter on a real database, one subclass per provider: fixed windows, refusals that write
/// nothing, atomic counting under concurrent callers, reuse and bounded purge of expired rows.
/// </summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class AttemptCounterTests<TDatabase> : StoreTestBase<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    protected AttemptCounterTests(TDatabase database)
        : base(database)
    {
    }

    private EntityFrameworkAttemptCounter<TestDbContext> Counter =>
        new(Services.GetRequiredService<DbContextSource<TestDbContext>>(), Time);

    [Fact]
    public async Task TryAddAsync_FirstAttempt_OpensWindowAtOne()
    {
        var key = NewKey();

        var first = await Counter.TryAddAsync(key, 3, Window, CancellationToken.None);

        Assert.Equal(new AttemptCount(1, true, Window), first);
        Assert.Equal(new AttemptCount(1, false, Window), await Counter.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task TryAddAsync_PastLimit_RefusesWithoutExtendingTheWindow()
    {
        var key = NewKey();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(new AttemptCount(i, true, Window), await Counter.TryAddAsync(key, 3, Window, CancellationToken.None));
        }

        Time.Advance(TimeSpan.FromMinutes(2));
        var refused = await Counter.TryAddAsync(key, 3, Window, CancellationToken.None);

        Assert.Equal(new AttemptCount(3, false, TimeSpan.FromMinutes(3)), refused);
        Assert.Equal((3, Now + TimeSpan.FromMinutes(3)), await RowAsync(key));
    }

    [Fact]
    public async Task GetAsync_UnknownKey_CountsZeroAndCreatesNoRow()
    {
        var key = NewKey();

        Assert.Equal(AttemptCount.None, await Counter.GetAsync(key, CancellationToken.None));
        Assert.Null(await RowAsync(key));
    }

    [Fact]
    public async Task TryAddAsync_AfterTheWindowEnds_ReusesTheRowForANewWindow()
    {
        var key = NewKey();
        await Counter.TryAddAsync(key, 2, Window, CancellationToken.None);
        await Counter.TryAddAsync(key, 2, Window, CancellationToken.None);
        Assert.False((await Counter.TryAddAsync(key, 2, Window, CancellationToken.None)).Added);

        Time.Advance(Window);
        Assert.Equal(AttemptCount.None, await Counter.GetAsync(key, CancellationToken.None));
        var reopened = await Counter.TryAddAsync(key, 2, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(new AttemptCount(1, true, TimeSpan.FromMinutes(1)), reopened);
        Assert.Equal((1, Now + TimeSpan.FromMinutes(1)), await RowAsync(key));
    }

    [Fact]
    public async Task ResetAsync_OpenWindow_CountsZeroAgain()
    {
        var key = NewKey();
        await Counter.TryAddAsync(key, 1, Window, CancellationToken.None);
        Assert.False((await Counter.TryAddAsync(key, 1, Window, CancellationToken.None)).Added);

        await Counter.ResetAsync(key, CancellationToken.None);

        Assert.Equal(AttemptCount.None, await Counter.GetAsync(key, CancellationToken.None));
        Assert.Null(await RowAsync(key));
        Assert.Equal(new AttemptCount(1, true, Window), await Counter.TryAddAsync(key, 1, Window, CancellationToken.None));
    }

    [Fact]
    public async Task TryAddAsync_ManyConcurrentCallers_CountExactlyToTheLimit()
    {
        const int Callers = 60;
        const int Limit = 10;
        var key = NewKey();

        var results = await TestData.InParallelAsync(Callers, _ => Counter.TryAddAsync(key, Limit, Window, CancellationToken.None).AsTask());

        var counted = results.Where(r => r.Added).Select(r => r.Count).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Limit), counted);
        Assert.All(results.Where(r => !r.Added), r => Assert.Equal(Limit, r.Count));
        Assert.Equal(Limit, (await RowAsync(key))?.Count);
    }

    [Fact]
    public async Task TryAddAsync_LongKey_IsCountedUnderTheWholeKey()
    {
        var prefix = "signin:client:" + new string('k', 400);
        var a = prefix + "a";
        var b = prefix + "b";

        await Counter.TryAddAsync(a, 5, Window, CancellationToken.None);

        Assert.Equal(1, (await Counter.GetAsync(a, CancellationToken.None)).Count);
        Assert.Equal(0, (await Counter.GetAsync(b, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task PurgeExpiredAsync_ExpiredRows_DeletesAtMostABatchAndKeepsOpenWindows()
    {
        await ClearAsync();
        var expired = Enumerable.Range(0, 5).Select(_ => NewKey()).ToArray();
        foreach (var key in expired)
        {
            await Counter.TryAddAsync(key, 5, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        var open = NewKey();
        await Counter.TryAddAsync(open, 5, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(3, await Counter.PurgeExpiredAsync(3, CancellationToken.None));
        Assert.Equal(2, await Counter.PurgeExpiredAsync(3, CancellationToken.None));
        Assert.Equal(0, await Counter.PurgeExpiredAsync(3, CancellationToken.None));
        Assert.Equal(1, await CountRowsAsync());
        Assert.Equal(1, (await Counter.GetAsync(open, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TryAddAsync_EveryPurgeInterval_DeletesExpiredRowsOfKeysThatNeverReturn()
    {
        await ClearAsync();
        var counter = Counter;
        for (var i = 0; i < 4; i++)
        {
            await counter.TryAddAsync(NewKey(), 5, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        Time.Advance(TimeSpan.FromMinutes(1));
        var busy = NewKey();
        for (var i = 4; i < EntityFrameworkAttemptCounter<TestDbContext>.PurgeInterval - 1; i++)
        {
            await counter.TryAddAsync(busy, int.MaxValue, Window, CancellationToken.None);
        }

        Assert.Equal(5, await CountRowsAsync());
        await counter.TryAddAsync(busy, int.MaxValue, Window, CancellationToken.None);

        Assert.Equal(1, await CountRowsAsync());
    }

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    private async Task<(int Count, DateTimeOffset End)?> RowAsync(string key)
    {
        await using var context = Database.CreateContext();
        var row = await context.Set<CounterEntity>().AsNoTracking().SingleOrDefaultAsync(c => c.Key == key);
        return row is null ? null : (row.Count, row.WindowEnd);
    }

    private async Task<int> CountRowsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Set<CounterEntity>().CountAsync();
    }

    // The purge tests count every row of the table, which the test class shares; xUnit runs a class's tests one at a time.
    private async Task ClearAsync()
    {
        await using var context = Database.CreateContext();
        await context.Set<CounterEntity>().ExecuteDeleteAsync();
    }
}

public sealed class SqliteAttemptCounterTests(SqliteDatabase database) : AttemptCounterTests<SqliteDatabase>(database)
{
    [Fact]
    public async Task BundledSqlite_SupportsUpsertWithReturning()
    {
        await using var context = Database.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using DbCommand command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var version = Version.Parse((string)(await command.ExecuteScalarAsync())!);

        Assert.True(version >= new Version(3, 35), $"SQLite {version} has no RETURNING (3.35+).");
    }
}

[PostgresTests]
public sealed class PostgresAttemptCounterTests(PostgresDatabase database) : AttemptCounterTests<PostgresDatabase>(database);
