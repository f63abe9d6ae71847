using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>Log events of the Redis counter (81xx). Keys are never logged: they hold lookup keys and client addresses.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 8100, EventName = "RedisCounterUnavailable", Level = LogLevel.Warning,
        Message = "Redis did not answer ({Operation}); attempt counters fall back to this process's own counts, so every limit now holds per node, not across nodes. Redis is tried again in {RetryInterval}.")]
    public static partial void Unavailable(ILogger logger, string operation, TimeSpan retryInterval, Exception exception);

    [LoggerMessage(EventId = 8101, EventName = "RedisCounterRecovered", Level = LogLevel.Information,
        Message = "Redis answers again after {Outage}; attempt counters are shared across nodes again.")]
    public static partial void Recovered(ILogger logger, TimeSpan outage);

    [LoggerMessage(EventId = 8102, EventName = "RedisCounterStillUnavailable", Level = LogLevel.Debug,
        Message = "Redis still does not answer ({Operation}); counting stays per process. Redis is tried again in {RetryInterval}.")]
    public static partial void StillUnavailable(ILogger logger, string operation, TimeSpan retryInterval, Exception exception);
}
