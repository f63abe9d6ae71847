namespace TrendAccount.Sdk.Redis;

/// <summary>The names under which the Redis attempt counter reports, for a host's metrics pipeline and log filters.</summary>
public static class RedisAttemptCounterDiagnostics
{
    /// <summary>The meter's name: <c>TrendAccount.Sdk.Redis</c>.</summary>
    public const string MeterName = "TrendAccount.Sdk.Redis";

    /// <summary>
    /// The counter of counter calls served by the per-process fallback because Redis did not answer:
    /// <c>trendaccount.redis.fallbacks</c> (<c>{call}</c>), tagged <c>operation</c> (<c>get</c>, <c>try_add</c>,
    /// <c>reset</c>). While it grows, each node enforces every limit on its own: N nodes allow N× each limit.
    /// </summary>
    public const string FallbacksCounter = "trendaccount.redis.fallbacks";

    /// <summary>
    /// The counter of outages: <c>trendaccount.redis.outages</c> (<c>{outage}</c>), one each time counting switched
    /// from Redis to the fallback (logged as event 8100, <c>RedisCounterUnavailable</c>).
    /// </summary>
    public const string OutagesCounter = "trendaccount.redis.outages";

    /// <summary>The tag every health check of this package carries: <c>trendaccount</c> (shared with the SDK's other checks).</summary>
    public const string HealthCheckTag = "trendaccount";

    /// <summary>The tag that marks the Redis health check: <c>redis</c>.</summary>
    public const string RedisHealthCheckTag = "redis";

    /// <summary>The default name of the Redis health check: <c>trendaccount-redis</c>.</summary>
    public const string DefaultHealthCheckName = "trendaccount-redis";
}
