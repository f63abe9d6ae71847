namespace TrendAccount.Sdk;

/// <summary>
/// How the retention service purges expired token records — sessions, reset links and every other token purpose
/// (<c>builder.AddRetention(o =&gt; …)</c>). Validated when the host starts.
/// </summary>
/// <remarks>
/// Every pass deletes the records that expired more than <see cref="GracePeriod"/> ago, <see cref="BatchSize"/> at
/// a time (one short statement per batch, so a large backlog never holds a long lock), until none is left; then it
/// waits <see cref="Interval"/>. A record is due only once it can no longer be used, so purging never changes an
/// answer: a purged token reads as unknown, which every flow rejects as it rejects an expired one.
/// </remarks>
public sealed class RetentionOptions
{
    /// <summary>The default time between two purge passes: 1 hour.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    /// <summary>The default time an expired record is kept before it is purged: 1 day.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromDays(1);

    /// <summary>The default number of records deleted by one statement: 1,000.</summary>
    public const int DefaultBatchSize = 1_000;

    /// <summary>The largest batch size allowed: 100,000.</summary>
    public const int MaximumBatchSize = 100_000;

    /// <summary>Gets or sets the time between two purge passes; the first pass runs when the host starts.</summary>
    /// <value>Defaults to <see cref="DefaultInterval"/> (1 hour); positive.</value>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>Gets or sets how many records one statement deletes at most.</summary>
    /// <value>Defaults to <see cref="DefaultBatchSize"/> (1,000); from 1 to <see cref="MaximumBatchSize"/>.</value>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>
    /// Gets or sets how long an expired record is kept before it is purged, so the log can still tell "expired" from
    /// "unknown" for a while and nodes whose clocks differ a little never purge what another still extends.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultGracePeriod"/> (1 day); zero or more.</value>
    public TimeSpan GracePeriod { get; set; } = DefaultGracePeriod;

    internal void Validate(ICollection<string> failures)
    {
        if (Interval <= TimeSpan.Zero)
        {
            failures.Add($"TrendAccount:Retention:Interval ({Interval}) must be positive.");
        }

        if (BatchSize is < 1 or > MaximumBatchSize)
        {
            failures.Add($"TrendAccount:Retention:BatchSize ({BatchSize}) must be from 1 to {MaximumBatchSize}.");
        }

        if (GracePeriod < TimeSpan.Zero)
        {
            failures.Add($"TrendAccount:Retention:GracePeriod ({GracePeriod}) must not be negative.");
        }
    }
}
