namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs against PostgreSQL (<c>TRENDACCOUNT_POSTGRES</c>): when no server is configured its
/// tests are skipped with a message (see <see cref="ServerAwareTestFramework"/>), unless
/// <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c>, where they fail and say what to set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PostgresTestsAttribute : Attribute;
