using TrendAccount.Sdk.ServerTests;

[assembly: Xunit.TestFramework("TrendAccount.Sdk.ServerTests.ServerAwareTestFramework", "TrendAccount.Sdk.Redis.Tests")]

namespace TrendAccount.Sdk.Redis.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs against the shared Redis server of <c>TRENDACCOUNT_REDIS</c> (a StackExchange.Redis
/// configuration string; <c>.ci/run</c> starts one): without it the tests are skipped with the reason, unless
/// <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c>, where they fail and say what to set.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RedisTestsAttribute : RequiresServerAttribute
{
    protected override string? MissingReason => TestRedis.Configuration is null
        ? $"needs Redis: set {TestRedis.Variable} to a StackExchange.Redis configuration string such as 127.0.0.1:6379 (.ci/run starts one)"
        : null;
}

/// <summary>
/// Marks a test class that starts and stops its own <c>redis-server</c> processes (the fault tests): without the
/// binary the tests are skipped with the reason, unless <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c>, where they fail.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RedisServerBinaryTestsAttribute : RequiresServerAttribute
{
    protected override string? MissingReason => RedisServerProcess.FindBinary() is null
        ? $"needs the redis-server binary on PATH or in {RedisServerProcess.BinaryVariable} (apt-get install redis-server; .ci/run installs it)"
        : null;
}

/// <summary>Where the shared test Redis is.</summary>
public static class TestRedis
{
    public const string Variable = "TRENDACCOUNT_REDIS";

    /// <summary>Gets the configuration string of the shared Redis, if set.</summary>
    public static string? Configuration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Gets the configuration string, or fails saying what to set.</summary>
    /// <returns>The configuration string.</returns>
    public static string Require() => Configuration ?? throw new InvalidOperationException(
        $"{Variable} is not set, and {RequiresServerAttribute.RequireVariable}=1 says the Redis tests must run. " +
        $"Start redis-server and export {Variable}=127.0.0.1:PORT (see docs/redis.md).");

    /// <summary>Creates a key prefix no other test uses, so tests share one Redis database without seeing each other.</summary>
    /// <returns>The prefix.</returns>
    public static string NewPrefix() => "trendaccount-tests:" + Guid.NewGuid().ToString("N")[..12] + ":";
}
