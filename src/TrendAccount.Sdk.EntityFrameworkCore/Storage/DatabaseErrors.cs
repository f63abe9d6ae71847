using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>Recognizes the provider errors the stores turn into results.</summary>
internal static class DatabaseErrors
{
    // SQLite: SQLITE_CONSTRAINT (19) with the extended codes SQLITE_CONSTRAINT_UNIQUE (2067) and
    // SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // SQL standard SQLSTATE for unique_violation, reported by PostgreSQL (Npgsql's PostgresException.SqlState).
    private const string UniqueViolationSqlState = "23505";

    /// <summary>Tells whether an exception (or one it wraps) is a unique or primary-key violation.</summary>
    /// <param name="exception">The exception thrown by a write.</param>
    /// <returns><see langword="true"/> for a unique violation.</returns>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
                    when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
                case DbException { SqlState: UniqueViolationSqlState }:
                    return true;
            }
        }

        return false;
    }
}
