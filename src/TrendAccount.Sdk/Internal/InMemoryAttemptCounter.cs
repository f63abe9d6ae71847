using System.Collections.Concurrent;

namespace TrendAccount.Sdk;

/// <summary>
/// The default <see cref="IAttemptCounter"/>: one process's fixed-window counters in a bounded table. Reads time from
/// the injected <see cref="TimeProvider"/>. One per container, shared by every limit; thread-safe.
/// </summary>
/// <remarks>
/// <para>Memory follows the cap, not the attacker: a read or a refused attempt never creates a window, and the table
/// holds at most <c>RateLimits:MaximumTrackedKeys</c> windows. When an attempt would open a window in a
/// full table, expired windows are swept first; if that frees too little, the windows with the fewest attempts are
/// evicted (oldest first among equals) down to seven eighths of the cap, and the eviction is counted in
/// <c>trendaccount.limits.windows_evicted</c>. Evicting the least-used windows first means a flood of
/// one-attempt keys (an attacker rotating addresses) evicts its own windows, not the few well-filled windows that hold
/// back a guesser on one address. Sorting happens once per eighth of the cap, so its cost is amortized.</para>
/// <para>Per window: the key (at most a few hundred characters), one small object and one dictionary entry, about
/// 200 bytes for a typical 40-character key; the default cap (100,000) bounds the table to about 20 MiB.</para>
/// </remarks>
internal sealed class InMemoryAttemptCounter : IAttemptCounter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _maximumKeys;
    private readonly TrendAccountMetrics? _metrics;
    private readonly object _sweepGate = new();

    public InMemoryAttemptCounter(TimeProvider time, int maximumKeys, TrendAccountMetrics? metrics)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumKeys, 8);
        _time = time;
        _maximumKeys = maximumKeys;
        _metrics = metrics;
    }

    /// <summary>Gets the number of windows held (open or expired but not yet swept).</summary>
    public int Count => _windows.Count;

    public ValueTask<AttemptCount> GetAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Get(key));
    }

    public ValueTask<AttemptCount> TryAddAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(TryAdd(key, limit, window));
    }

    public ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Reset(key);
        return ValueTask.CompletedTask;
    }

    /// <summary>The synchronous form of <see cref="GetAsync"/>, for the in-process limiters.</summary>
    public AttemptCount Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        if (_windows.TryGetValue(key, out var window))
        {
            lock (window)
            {
                if (!window.Removed && now < window.End)
                {
                    return new AttemptCount(window.Count, false, window.End - now);
                }
            }
        }

        return AttemptCount.None;
    }

    /// <summary>The synchronous form of <see cref="TryAddAsync"/>, for the in-process limiters.</summary>
    public AttemptCount TryAdd(string key, int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        while (true)
        {
            if (!_windows.TryGetValue(key, out var current))
            {
                MakeRoom(now);
                current = _windows.GetOrAdd(key, static (_, end) => new Window { End = end, Count = 0 }, now + window);
            }

            lock (current)
            {
                if (current.Removed)
                {
                    continue;
                }

                if (now >= current.End)
                {
                    current.End = now + window;
                    current.Count = 0;
                }

                if (current.Count < limit)
                {
                    current.Count++;
                    return new AttemptCount(current.Count, true, current.End - now);
                }

                return new AttemptCount(current.Count, false, current.End - now);
            }
        }
    }

    /// <summary>The synchronous form of <see cref="ResetAsync"/>.</summary>
    public void Reset(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_windows.TryGetValue(key, out var window))
        {
            lock (window)
            {
                window.Removed = true;
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_windows.Count < _maximumKeys)
        {
            return;
        }

        lock (_sweepGate)
        {
            if (_windows.Count < _maximumKeys)
            {
                return;
            }

            var target = _maximumKeys - (_maximumKeys / 8);
            var live = new List<(string Key, Window Window, int Count, DateTimeOffset End)>(_windows.Count);
            foreach (var pair in _windows)
            {
                lock (pair.Value)
                {
                    if (now >= pair.Value.End)
                    {
                        Remove(pair.Key, pair.Value);
                    }
                    else
                    {
                        live.Add((pair.Key, pair.Value, pair.Value.Count, pair.Value.End));
                    }
                }
            }

            if (_windows.Count <= target)
            {
                return;
            }

            // Fewest attempts first; among equals, the window that ends soonest (the oldest).
            live.Sort(static (a, b) => a.Count != b.Count ? a.Count.CompareTo(b.Count) : a.End.CompareTo(b.End));
            var evicted = 0;
            foreach (var entry in live)
            {
                if (_windows.Count <= target)
                {
                    break;
                }

                lock (entry.Window)
                {
                    if (Remove(entry.Key, entry.Window))
                    {
                        evicted++;
                    }
                }
            }

            if (evicted > 0)
            {
                _metrics?.WindowsEvicted(evicted);
            }
        }
    }

    // Called with the window's lock held: marked first, so an attempt holding this instance retries with a fresh one.
    private bool Remove(string key, Window window)
    {
        window.Removed = true;
        return _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
    }

    private sealed class Window
    {
        public DateTimeOffset End { get; set; }

        public int Count { get; set; }

        public bool Removed { get; set; }
    }
}
