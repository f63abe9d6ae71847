using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.HealthChecks;

/// <summary>The store health check against a real database, one subclass per provider, and against in-memory stores.</summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class StoreHealthCheckTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    [Fact]
    public async Task AddTrendAccountStore_DatabaseWithTheTables_HealthyAndTagged()
    {
        await using var services = database.CreateServices(TimeProvider.System, s => s.AddLogging().AddHealthChecks().AddTrendAccountStore<TestDbContext>());

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal(EntityFrameworkHealthChecksBuilderExtensions.StoreCheckName, entry.Key);
        Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
        Assert.Equal(["trendaccount", "store"], entry.Value.Tags);
    }

    [Fact]
    public async Task AddTrendAccountStore_DatabaseWithoutTheTables_Unhealthy()
    {
        // A context on the same server whose model has no TrendAccount tables would pass CanConnectAsync alone:
        // pointing the stores at an empty database (no schema) must fail the query.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<TestDbContext>(options => ConfigureEmpty(options));
        new TrendAccountBuilder(services).UseEntityFrameworkStores<TestDbContext>();
        services.AddHealthChecks().AddTrendAccountStore<TestDbContext>();
        await using var provider = services.BuildServiceProvider();

        var entry = Assert.Single((await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries).Value;

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.NotNull(entry.Exception);
    }

    [Fact]
    public async Task AddTrendAccountStore_InMemoryStores_AlwaysHealthy()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        new TrendAccountBuilder(services).UseInMemoryStores();
        services.AddHealthChecks().AddTrendAccountStore();
        await using var provider = services.BuildServiceProvider();

        var entry = Assert.Single((await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries).Value;

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("InMemoryAccountStore", entry.Description, StringComparison.Ordinal);
    }

    /// <summary>Points a context at a database of the same server that has no TrendAccount tables.</summary>
    /// <param name="options">The options.</param>
    protected abstract void ConfigureEmpty(DbContextOptionsBuilder options);
}

public sealed class SqliteStoreHealthCheckTests(SqliteDatabase database) : StoreHealthCheckTests<SqliteDatabase>(database)
{
    protected override void ConfigureEmpty(DbContextOptionsBuilder options) =>
        options.UseSqlite("Data Source=file:trendaccount-empty-" + Guid.NewGuid().ToString("N") + "?mode=memory&cache=shared");
}

[PostgresTests]
public sealed class PostgresStoreHealthCheckTests(PostgresDatabase database) : StoreHealthCheckTests<PostgresDatabase>(database)
{
    // The server's maintenance database: it exists, and has no TrendAccount schema.
    protected override void ConfigureEmpty(DbContextOptionsBuilder options) =>
        options.UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(TestServers.RequirePostgres()) { Database = "postgres" }.ConnectionString);
}
