using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrendAccount.Sdk.EntityFrameworkCore;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// The databases a store benchmark runs on: a SQLite file in a temp folder, and a PostgreSQL database with a random
/// name on the server of <c>TRENDACCOUNT_POSTGRES</c> when that variable is set. Each is created with the
/// TrendAccount tables and dropped at the end.
/// </summary>
internal sealed class StoreDatabases : IAsyncDisposable
{
    public const string PostgresVariable = "TRENDACCOUNT_POSTGRES";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trendaccount-bench-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _nodes = [];
    private string? _postgresServer;
    private string? _postgresName;

    private StoreDatabases()
    {
    }

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public string SqliteConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "accounts.db") }.ToString();

    public string? PostgresConnectionString { get; private set; }

    public static async Task<StoreDatabases> CreateAsync()
    {
        var databases = new StoreDatabases();
        Directory.CreateDirectory(databases._folder);
        await EnsureCreatedAsync(options => options.UseSqlite(databases.SqliteConnectionString));

        if (PostgresServer is { } server)
        {
            databases._postgresServer = server;
            databases._postgresName = "trendaccount_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {databases._postgresName}", admin);
                await create.ExecuteNonQueryAsync();
            }

            databases.PostgresConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = databases._postgresName }.ConnectionString;
            await EnsureCreatedAsync(options => options.UseNpgsql(databases.PostgresConnectionString));
        }

        return databases;
    }

    /// <summary>Registers the EF Core stores on a database, on top of whatever else <paramref name="configure"/> adds.</summary>
    public ServiceProvider CreateNode(Action<DbContextOptionsBuilder> database, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        configure?.Invoke(services);
        new TrendAccountBuilder(services).UseEntityFrameworkStores(database);
        var node = services.BuildServiceProvider();
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_postgresServer is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task EnsureCreatedAsync(Action<DbContextOptionsBuilder> configure)
    {
        var options = new DbContextOptionsBuilder<TrendAccountDbContext>();
        configure(options);
        await using var context = new TrendAccountDbContext(options.Options);
        await context.Database.EnsureCreatedAsync();
    }
}
