using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// Makes SQLite wait for the write lock instead of failing: SQLite lets one writer in at a time, and without a busy
/// timeout a writer that finds the database locked gets SQLITE_BUSY at once. Microsoft.Data.Sqlite retries those
/// itself, but only every 150 ms or so; SQLite's own busy handler (<c>PRAGMA busy_timeout</c>) retries within
/// milliseconds, which keeps a burst of concurrent writers (many sign-ins, one token redeemed from many tabs) fast.
/// </summary>
internal static class SqliteBusyTimeout
{
    public static async Task ApplyAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!ProviderNames.IsSqlite(context.Database.ProviderName))
        {
            return;
        }

        // The context keeps the connection open until it is disposed, so the setting covers every command of the
        // operation; pooled connections keep it too, and setting it again costs next to nothing.
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = context.Database.GetDbConnection().CreateCommand();
        await using var release = command.ConfigureAwait(false);

        // The same bound as the commands' own timeout: a new command starts with the connection's Default Timeout
        // (30 s unless configured). Read through DbCommand, so the package needs no reference to Microsoft.Data.Sqlite.
        var seconds = context.Database.GetCommandTimeout() ?? command.CommandTimeout;
        var milliseconds = seconds <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, seconds * 1000L);
        command.CommandText = "PRAGMA busy_timeout = " + milliseconds.ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
