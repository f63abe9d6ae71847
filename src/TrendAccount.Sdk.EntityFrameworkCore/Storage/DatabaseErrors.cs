using System.Data.Common;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>Recognizes the provider errors the stores turn into results.</summary>
/// <remarks>
/// The package references no ADO.NET provider, so that a PostgreSQL-only host does not get a SQLite package
/// forced on it: each provider's error is recognized through what <see cref="DbException"/> exposes, or by the
/// name of its public type and property, never through a compile-time reference to the provider.
/// </remarks>
internal static class DatabaseErrors
{
    // Microsoft.Data.Sqlite reports every SQLite error as this type. Its DbException.ErrorCode is a generic E_FAIL
    // and its SqlState is null, so the SQLite result code is read from its public SqliteExtendedErrorCode property.
    private const string SqliteExceptionTypeName = "Microsoft.Data.Sqlite.SqliteException";
    private const string SqliteExtendedErrorCodeProperty = "SqliteExtendedErrorCode";

    // SQLite extended result codes SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555), both
    // under SQLITE_CONSTRAINT (19); the other constraint codes (NOT NULL 1299, CHECK 275, FOREIGN KEY 787) are bugs,
    // not a lost race, and must not read as "already taken".
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
            if (current is DbException database &&
                (database.SqlState == UniqueViolationSqlState ||
                 SqliteExtendedErrorCode(database) is SqliteConstraintUnique or SqliteConstraintPrimaryKey))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the SQLite extended result code of a Microsoft.Data.Sqlite exception.</summary>
    /// <param name="exception">A provider exception.</param>
    /// <returns>The extended result code, or <see langword="null"/> when the exception is not SQLite's.</returns>
    internal static int? SqliteExtendedErrorCode(DbException exception)
    {
        for (var type = exception.GetType(); type is not null && type != typeof(DbException); type = type.BaseType)
        {
            if (string.Equals(type.FullName, SqliteExceptionTypeName, StringComparison.Ordinal))
            {
                // A public, documented property of a public type (stable across Microsoft.Data.Sqlite versions);
                // this package is not trimmed (EF Core is not trim-safe), so the property is always there.
                return type.GetProperty(SqliteExtendedErrorCodeProperty)?.GetValue(exception) as int?;
            }
        }

        return null;
    }
}
