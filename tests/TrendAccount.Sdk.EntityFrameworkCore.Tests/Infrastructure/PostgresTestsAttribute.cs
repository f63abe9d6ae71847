using TrendAccount.Sdk.ServerTests;

[assembly: Xunit.TestFramework("TrendAccount.Sdk.ServerTests.ServerAwareTestFramework", "TrendAccount.Sdk.EntityFrameworkCore.Tests")]

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs against PostgreSQL (<c>TRENDACCOUNT_POSTGRES</c>): when no server is configured its
/// tests are skipped with the reason (see <see cref="RequiresServerAttribute"/>), unless
/// <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c>, where they fail and say what to set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PostgresTestsAttribute : RequiresServerAttribute
{
    protected override string? MissingReason => TestServers.PostgresConnectionString is null
        ? $"needs PostgreSQL: set {TestServers.PostgresVariable} to an Npgsql connection string of a server where tests may create databases (.ci/run starts one)"
        : null;
}
