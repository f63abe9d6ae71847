using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A PostgreSQL database with a random name on the server of <c>TRENDACCOUNT_POSTGRES</c>, dropped at the end.</summary>
public sealed class PostgresDatabase : StoreDatabase
{
    private readonly string _name = "trendaccount_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private string? _connectionString;

    public override string Provider => "PostgreSQL";

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The PostgreSQL test database was not created.");

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    protected override async Task<bool> CreateDatabaseAsync()
    {
        if (TestServers.PostgresSkipReason is not null)
        {
            return false;
        }

        var server = TestServers.RequirePostgres();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        return true;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        await using (var pooled = new NpgsqlConnection(_connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(TestServers.RequirePostgres());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
