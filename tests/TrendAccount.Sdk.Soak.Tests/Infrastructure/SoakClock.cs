using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>
/// The farm's clock: one <see cref="FakeTimeProvider"/> that both nodes share, moved forward by
/// <see cref="Step"/> every <see cref="Tick"/> of real time (farm time runs five times faster), so that the outbox's
/// backoff, its poll and the Redis counter's retry interval come due without the test waiting for them in real time.
/// </summary>
/// <remarks>
/// Shared rather than one per node: the nodes of a farm read one wall-clock time (NTP), and the outbox compares times
/// that one node wrote (a retry's due time, a lease) with another node's clock; two fake clocks moved separately would
/// model arbitrary clock skew, which is not this test's subject. Real time only paces this clock and bounds the run's
/// phases: no assertion depends on how long anything took. The speed also bounds how many attempts a refusal of
/// known real length can cost a mail (see the test's remarks).
/// </remarks>
public sealed class SoakClock : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SoakClock()
    {
        _running = Task.Run(RunAsync);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Gets how much faster than real time the farm clock runs.</summary>
    public static double Speed => Step / Tick;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Tick, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Time.Advance(Step);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
