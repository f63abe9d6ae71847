using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>
/// The <see cref="IAttemptCounter"/> that <c>UseRedisAttemptCounter</c> registers: counts in Redis, and in the
/// process's own counter while Redis does not answer. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Fault behaviour (docs/redis.md): sign-in must keep working when Redis is down, and an attacker must not get
/// unlimited guesses either, so a failed Redis call is answered by the fallback — the SDK's bounded in-memory counter,
/// the same table every in-process limit uses — with warning 8100 once per outage and the
/// <c>trendaccount.redis.fallbacks</c> counter per call. Limits then hold per node (N nodes allow N× each limit),
/// which is the SDK's behaviour without Redis. For <see cref="RedisAttemptCounterOptions.RetryInterval"/> every call
/// goes straight to the fallback (an outage costs sign-in no waiting); then one call probes Redis, and when it answers,
/// counting is shared again (event 8101). Counts made in the fallback stay in it: they are not copied into Redis.
/// </para>
/// <para>
/// The breaker's state is one number, the instant of the next probe (<c>0</c> while Redis answers), changed with
/// compare-and-swap, so exactly one caller probes per interval and the others never wait on a lock.
/// </para>
/// </remarks>
internal sealed class ResilientAttemptCounter : IAttemptCounter
{
    private const long Healthy = 0;

    private readonly RedisAttemptCounter _redis;
    private readonly IAttemptCounter _fallback;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryInterval;
    private readonly ILogger _logger;
    private readonly RedisMetrics _metrics;
    private long _nextProbeTicks;
    private long _outageStartedTicks;

    public ResilientAttemptCounter(RedisAttemptCounter redis, IAttemptCounter fallback, TimeSpan retryInterval, TimeProvider time, ILogger logger, RedisMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        _redis = redis;
        _fallback = fallback;
        _retryInterval = retryInterval;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Gets a value indicating whether calls are being counted by the fallback (Redis failed and has not answered a probe since).</summary>
    public bool IsFallingBack => Volatile.Read(ref _nextProbeTicks) != Healthy;

    public async ValueTask<AttemptCount> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var route = Route();
        if (route != Path.Fallback)
        {
            try
            {
                var count = await _redis.GetAsync(key, cancellationToken).ConfigureAwait(false);
                Answered(route);
                return count;
            }
            catch (Exception exception) when (IsRedisFailure(exception, cancellationToken))
            {
                Failed(route, "get", exception);
            }
        }

        _metrics.Fallback("get");
        return await _fallback.GetAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AttemptCount> TryAddAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var route = Route();
        if (route != Path.Fallback)
        {
            try
            {
                var count = await _redis.TryAddAsync(key, limit, window, cancellationToken).ConfigureAwait(false);
                Answered(route);
                return count;
            }
            catch (Exception exception) when (IsRedisFailure(exception, cancellationToken))
            {
                Failed(route, "try_add", exception);
            }
        }

        _metrics.Fallback("try_add");
        return await _fallback.TryAddAsync(key, limit, window, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();

        // The fallback may hold a window counted during an outage: a reset closes both.
        await _fallback.ResetAsync(key, cancellationToken).ConfigureAwait(false);
        var route = Route();
        if (route != Path.Fallback)
        {
            try
            {
                await _redis.ResetAsync(key, cancellationToken).ConfigureAwait(false);
                Answered(route);
                return;
            }
            catch (Exception exception) when (IsRedisFailure(exception, cancellationToken))
            {
                Failed(route, "reset", exception);
            }
        }

        _metrics.Fallback("reset");
    }

    private static bool IsRedisFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        RedisException or TimeoutException or SocketException or IOException or ObjectDisposedException => true,
        OperationCanceledException => true,
        _ => false,
    };

    private Path Route()
    {
        var next = Volatile.Read(ref _nextProbeTicks);
        if (next == Healthy)
        {
            return Path.Redis;
        }

        var now = _time.GetUtcNow().UtcTicks;
        if (now < next)
        {
            return Path.Fallback;
        }

        // One caller per interval wins the probe; the others count in the fallback meanwhile.
        return Interlocked.CompareExchange(ref _nextProbeTicks, now + _retryInterval.Ticks, next) == next ? Path.Probe : Path.Fallback;
    }

    private void Answered(Path route)
    {
        if (route == Path.Probe && Interlocked.Exchange(ref _nextProbeTicks, Healthy) != Healthy)
        {
            RedisLog.Recovered(_logger, TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks - Volatile.Read(ref _outageStartedTicks)));
        }
    }

    private void Failed(Path route, string operation, Exception exception)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (route == Path.Probe)
        {
            Interlocked.Exchange(ref _nextProbeTicks, now + _retryInterval.Ticks);
            RedisLog.StillUnavailable(_logger, operation, _retryInterval, exception);
        }
        else if (Interlocked.CompareExchange(ref _nextProbeTicks, now + _retryInterval.Ticks, Healthy) == Healthy)
        {
            Volatile.Write(ref _outageStartedTicks, now);
            _metrics.Outage();
            RedisLog.Unavailable(_logger, operation, _retryInterval, exception);
        }
    }

    private enum Path
    {
        Redis,
        Probe,
        Fallback,
    }
}
