using TrendAccount.Sdk.Redis.Tests.Infrastructure;
using TrendAccount.Sdk.ServerTests;

[assembly: Xunit.TestFramework("TrendAccount.Sdk.ServerTests.ServerAwareTestFramework", "TrendAccount.Sdk.Soak.Tests")]

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>
/// Marks the soak: it needs a PostgreSQL server where it may create a database (<c>TRENDACCOUNT_POSTGRES</c>) and the
/// <c>redis-server</c> binary (it kills and restarts a Redis of its own). Where either is missing the test is skipped
/// with the reason, unless <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c> (CI), where it runs and fails saying what to set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SoakServersAttribute : RequiresServerAttribute
{
    /// <summary>The environment variable with the Npgsql connection string of the PostgreSQL server.</summary>
    public const string PostgresVariable = "TRENDACCOUNT_POSTGRES";

    /// <summary>Gets the connection string of the PostgreSQL server, if set.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    protected override string? MissingReason
    {
        get
        {
            var missing = new List<string>();
            if (Postgres is null)
            {
                missing.Add($"PostgreSQL: set {PostgresVariable} to an Npgsql connection string of a server where tests may create databases");
            }

            if (RedisServerProcess.FindBinary() is null)
            {
                missing.Add($"the redis-server binary on PATH or in {RedisServerProcess.BinaryVariable} (apt-get install redis-server)");
            }

            return missing.Count == 0 ? null : "the soak needs " + string.Join(" and ", missing) + " (.ci/run provides both)";
        }
    }

    /// <summary>Gets the PostgreSQL connection string, or fails saying what to set.</summary>
    /// <returns>The connection string.</returns>
    public static string RequirePostgres() => Postgres ?? throw new InvalidOperationException(
        $"{PostgresVariable} is not set, and {RequireVariable}=1 says the soak must run. Start PostgreSQL and export " +
        $"{PostgresVariable}=\"Host=127.0.0.1;Port=...;Username=postgres;Database=postgres\" (see docs/operations.md, Soak test).");
}
