using TrendAccount.Sdk.ServerTests;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Where the test servers are, from the environment that <c>.ci/run</c> (or a developer) sets.</summary>
public static class TestServers
{
    public const string PostgresVariable = "TRENDACCOUNT_POSTGRES";
    public const string RequireVariable = RequiresServerAttribute.RequireVariable;

    /// <summary>Gets the Npgsql connection string of a server the tests may create databases on, if set.</summary>
    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Gets a value indicating whether a missing server must fail the tests (CI) instead of skipping them.</summary>
    public static bool Required => RequiresServerAttribute.Required;

    /// <summary>Gets why PostgreSQL tests are skipped, or <see langword="null"/> when they run (or must run and fail).</summary>
    public static string? PostgresSkipReason => new PostgresTestsAttribute().SkipReason;

    /// <summary>Gets the connection string, or fails with a message saying what to set.</summary>
    /// <returns>The connection string.</returns>
    public static string RequirePostgres() => PostgresConnectionString ?? throw new InvalidOperationException(
        $"{PostgresVariable} is not set, and {RequireVariable}=1 says the PostgreSQL tests must run. " +
        $"Start a server and export {PostgresVariable}=\"Host=127.0.0.1;Port=...;Username=postgres;Database=postgres\" (see docs/stores.md).");
}
