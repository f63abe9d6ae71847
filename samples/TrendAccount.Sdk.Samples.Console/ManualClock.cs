namespace TrendAccount.Sdk.Samples.Console;

/// <summary>A clock the sample moves forward by hand, so a 15-minute lockout ends in an instant.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
