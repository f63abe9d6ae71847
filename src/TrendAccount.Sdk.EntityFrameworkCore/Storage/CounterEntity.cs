namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// The row of one attempt-counter window (table <c>trend_counters</c>): written only by
/// <see cref="EntityFrameworkAttemptCounter{TContext}"/>'s SQL (<see cref="CounterSql"/>), never through change tracking.
/// </summary>
internal sealed class CounterEntity
{
    /// <summary>Gets or sets the key built by the SDK (<c>signin:client:…</c>, <c>signin:addr:…</c>, …).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Gets or sets the attempts counted in the window.</summary>
    public int Count { get; set; }

    /// <summary>Gets or sets the end of the window; a row whose end has passed is an expired window, reused or purged.</summary>
    public DateTimeOffset WindowEnd { get; set; }
}
