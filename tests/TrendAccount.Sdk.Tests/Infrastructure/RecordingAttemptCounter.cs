using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>
/// A host's own <see cref="IAttemptCounter"/> (the stand-in for a Redis or database counter): plain fixed windows on
/// the container's clock, written independently of the SDK's table, recording every key that ever held a window.
/// </summary>
public sealed class RecordingAttemptCounter : IAttemptCounter
{
    private readonly Dictionary<string, (int Count, DateTimeOffset End)> _windows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _everOpened = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public RecordingAttemptCounter(TimeProvider time) => _time = time;

    /// <summary>Gets every key that ever had a window opened, in no order.</summary>
    public IReadOnlyCollection<string> KeysOpened
    {
        get
        {
            lock (_windows)
            {
                return _everOpened.ToArray();
            }
        }
    }

    /// <summary>Gets the calls made, of any kind.</summary>
    public int Calls { get; private set; }

    /// <summary>Replaces the SDK's counter with one of these on the container's clock.</summary>
    public static void Install(TrendAccountBuilder builder)
    {
        builder.Services.RemoveAll<IAttemptCounter>();
        builder.Services.AddSingleton<RecordingAttemptCounter>(sp => new RecordingAttemptCounter(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IAttemptCounter>(sp => sp.GetRequiredService<RecordingAttemptCounter>());
    }

    public ValueTask<AttemptCount> GetAsync(string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_windows)
        {
            Calls++;
            return ValueTask.FromResult(_windows.TryGetValue(key, out var w) && now < w.End
                ? new AttemptCount(w.Count, false, w.End - now)
                : AttemptCount.None);
        }
    }

    public ValueTask<AttemptCount> TryAddAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_windows)
        {
            Calls++;
            if (!_windows.TryGetValue(key, out var w) || now >= w.End)
            {
                w = (0, now + window);
            }

            if (w.Count >= limit)
            {
                return ValueTask.FromResult(new AttemptCount(w.Count, false, w.End - now));
            }

            w = (w.Count + 1, w.End);
            _windows[key] = w;
            _everOpened.Add(key);
            return ValueTask.FromResult(new AttemptCount(w.Count, true, w.End - now));
        }
    }

    public ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_windows)
        {
            Calls++;
            _windows.Remove(key);
            return ValueTask.CompletedTask;
        }
    }
}
