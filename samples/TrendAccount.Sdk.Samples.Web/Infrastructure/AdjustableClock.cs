namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>
/// Development only: the system clock plus an offset that only grows, so a person (the Dev/Clock page) or a browser
/// test can show a lockout expiring without waiting 15 minutes. Timers still run on real time, so timeouts behave.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Gets how far the clock has been moved ahead of real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
