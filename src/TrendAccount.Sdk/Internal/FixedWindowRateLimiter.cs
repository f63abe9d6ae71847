using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace TrendAccount.Sdk;

/// <summary>
/// A partitioned fixed-window rate limiter that reads time from a <see cref="TimeProvider"/>, so tests can drive it
/// with a fake clock. (The limiters in System.Threading.RateLimiting read the stopwatch directly.)
/// Each partition's window starts with its first request; expired partitions are swept as the table grows. No queueing.
/// </summary>
internal sealed class FixedWindowRateLimiter : PartitionedRateLimiter<string>
{
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly object _sweepGate = new();
    private DateTimeOffset _lastSweep;

    public FixedWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
        _lastSweep = time.GetUtcNow();
    }

    /// <summary>Tells whether a partition has used up its permits in the current window, without taking one.</summary>
    public bool IsExhausted(string partition) => GetStatistics(partition)?.CurrentAvailablePermits == 0;

    /// <summary>Takes one permit.</summary>
    public bool TryAcquire(string partition)
    {
        using var lease = AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var now = _time.GetUtcNow();
        var available = (long)_permitLimit;
        if (_windows.TryGetValue(resource, out var window))
        {
            lock (window)
            {
                if (!window.Removed && now - window.Start < _window)
                {
                    available = _permitLimit - window.Count;
                }
            }
        }

        return new RateLimiterStatistics { CurrentAvailablePermits = available };
    }

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        var now = _time.GetUtcNow();
        SweepIfLarge(now);
        while (true)
        {
            var window = _windows.GetOrAdd(resource, static (_, start) => new Window { Start = start }, now);
            lock (window)
            {
                if (window.Removed)
                {
                    continue;
                }

                if (now - window.Start >= _window)
                {
                    window.Start = now;
                    window.Count = 0;
                }

                if (window.Count + permitCount <= _permitLimit)
                {
                    window.Count += permitCount;
                    return Lease.Acquired;
                }

                return new Lease(false, window.Start + _window - now);
            }
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));
    }

    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_windows.Count < SweepThreshold || now - _lastSweep < _window || !Monitor.TryEnter(_sweepGate))
        {
            return;
        }

        try
        {
            _lastSweep = now;
            foreach (var pair in _windows)
            {
                var window = pair.Value;
                lock (window)
                {
                    if (now - window.Start >= _window)
                    {
                        // Marked under the lock, so an acquirer holding this instance retries with a fresh one.
                        window.Removed = true;
                        _windows.TryRemove(pair);
                    }
                }
            }
        }
        finally
        {
            Monitor.Exit(_sweepGate);
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public int Count { get; set; }

        public bool Removed { get; set; }
    }

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        private readonly TimeSpan? _retryAfter;

        public Lease(bool acquired, TimeSpan? retryAfter)
        {
            IsAcquired = acquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames =>
            _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
