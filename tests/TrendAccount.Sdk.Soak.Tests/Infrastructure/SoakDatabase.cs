using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrendAccount.Sdk.EntityFrameworkCore;

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database for one soak run, with the TrendAccount tables, dropped at the end.</summary>
public sealed class SoakDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private SoakDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    /// <summary>Gets the connection string of the database, for node <paramref name="node"/>: each node gets a pool of its own (by application name), as separate processes would.</summary>
    /// <param name="node">The node's name.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionString(string node) => new NpgsqlConnectionStringBuilder(_server)
    {
        Database = _name,
        ApplicationName = "trendaccount-soak-" + node,
        MaxPoolSize = 30,
    }.ConnectionString;

    public static async Task<SoakDatabase> CreateAsync()
    {
        var server = SoakServersAttribute.RequirePostgres();
        var database = new SoakDatabase(server, "trendaccount_soak_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database._name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var context = database.CreateContext();
        await context.Database.EnsureCreatedAsync();
        return database;
    }

    /// <summary>Creates a context of the test's own on the database, to read what the nodes wrote.</summary>
    /// <returns>The context; dispose it.</returns>
    public TrendAccountDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<TrendAccountDbContext>().UseNpgsql(ConnectionString("inspector")).Options);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
