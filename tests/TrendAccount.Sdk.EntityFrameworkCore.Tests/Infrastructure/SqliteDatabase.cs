using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A SQLite database file in a temp folder of its own.</summary>
public sealed class SqliteDatabase : StoreDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trendaccount-ef-" + Guid.NewGuid().ToString("N"));

    public override string Provider => "SQLite";

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "accounts.db"),
        // SQLite serializes writers; a writer that finds the database busy retries for up to this many seconds.
        DefaultTimeout = 60,
    }.ToString();

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    protected override Task<bool> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult(true);
    }

    protected override Task DropDatabaseAsync()
    {
        using (var pooled = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
