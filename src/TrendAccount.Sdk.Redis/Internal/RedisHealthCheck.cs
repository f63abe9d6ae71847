using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>
/// Healthy when Redis answers <c>PING</c> and the counters count in it; degraded when Redis answers again but the
/// counters still count per process (until the next probe); the registration's failure status when Redis does not answer.
/// </summary>
internal sealed class RedisHealthCheck : IHealthCheck
{
    private readonly RedisConnection _connection;
    private readonly ResilientAttemptCounter? _counter;

    public RedisHealthCheck(RedisConnection connection, ResilientAttemptCounter? counter)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _counter = counter;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fallingBack = _counter?.IsFallingBack ?? false;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var database = await _connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            await database.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, object>
            {
                ["latency_ms"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                ["falling_back"] = fallingBack,
            };
            return fallingBack
                ? HealthCheckResult.Degraded("Redis answers, but attempt counters still count per process until the next retry.", data: data)
                : HealthCheckResult.Healthy("Redis answers; attempt counters are shared.", data);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                "Redis does not answer; attempt counters count per process (every limit holds per node).",
                exception,
                new Dictionary<string, object> { ["falling_back"] = true });
        }
    }
}
