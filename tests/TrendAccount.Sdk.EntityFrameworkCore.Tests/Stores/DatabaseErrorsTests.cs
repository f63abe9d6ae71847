using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// The package recognizes SQLite's unique violations without referencing Microsoft.Data.Sqlite: these tests raise
/// real SQLite errors and check that only unique and primary-key violations count.
/// </summary>
public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData("INSERT INTO t (id, email) VALUES (1, 'b')")]   // SQLITE_CONSTRAINT_PRIMARYKEY
    [InlineData("INSERT INTO t (id, email) VALUES (2, 'a')")]   // SQLITE_CONSTRAINT_UNIQUE
    public void IsUniqueViolation_SqliteUniqueOrPrimaryKey_ReturnsTrue(string insert)
    {
        var error = SqliteErrorOf(insert);

        Assert.True(DatabaseErrors.IsUniqueViolation(error));
        Assert.True(DatabaseErrors.IsUniqueViolation(new InvalidOperationException("wrapped", error)));
    }

    [Theory]
    [InlineData("INSERT INTO t (id, email) VALUES (3, NULL)")]          // SQLITE_CONSTRAINT_NOTNULL
    [InlineData("INSERT INTO t (id, email, code) VALUES (4, 'c', 'x')")] // SQLITE_CONSTRAINT_CHECK
    [InlineData("INSERT INTO missing VALUES (1)")]                       // not a constraint at all
    public void IsUniqueViolation_OtherSqliteError_ReturnsFalse(string insert)
    {
        var error = SqliteErrorOf(insert);

        Assert.False(DatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public void IsUniqueViolation_UniqueViolationSqlState_ReturnsTrue()
    {
        Assert.True(DatabaseErrors.IsUniqueViolation(new SqlStateException("23505")));
        Assert.False(DatabaseErrors.IsUniqueViolation(new SqlStateException("23502")));
    }

    private static SqliteException SqliteErrorOf(string insert)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, code TEXT CHECK (code IS NULL OR code <> 'x'));" +
            "INSERT INTO t (id, email) VALUES (1, 'a');";
        command.ExecuteNonQuery();
        command.CommandText = insert;
        return Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
    }

    private sealed class SqlStateException(string sqlState) : DbException("provider error")
    {
        public override string SqlState => sqlState;
    }
}
