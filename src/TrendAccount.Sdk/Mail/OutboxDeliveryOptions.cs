namespace TrendAccount.Sdk;

/// <summary>
/// How the outbox delivery service (<c>AddOutboxDelivery()</c>) delivers, retries and forgets mail. Every default is
/// a named constant. Not thread-safe while being configured; read-only afterwards.
/// </summary>
public sealed class OutboxDeliveryOptions
{
    /// <summary>The default <see cref="PollInterval"/>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>The default <see cref="LeaseDuration"/>: 2 minutes.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromMinutes(2);

    /// <summary>The default <see cref="FirstRetryDelay"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MaximumRetryDelay"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultMaximumRetryDelay = TimeSpan.FromHours(1);

    /// <summary>The default <see cref="RetentionPeriod"/>: 7 days.</summary>
    public static readonly TimeSpan DefaultRetentionPeriod = TimeSpan.FromDays(7);

    /// <summary>The default <see cref="PurgeInterval"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultPurgeInterval = TimeSpan.FromHours(1);

    /// <summary>The default <see cref="BatchSize"/>: 20.</summary>
    public const int DefaultBatchSize = 20;

    /// <summary>The default <see cref="MaximumAttempts"/>: 8 (with the default delays, the last try is about 64 minutes after the first failure).</summary>
    public const int DefaultMaximumAttempts = 8;

    /// <summary>The default <see cref="PurgeBatchSize"/>: 500.</summary>
    public const int DefaultPurgeBatchSize = 500;

    /// <summary>Gets or sets how long the service waits when it found nothing to deliver. A mail written on this node wakes it at once.</summary>
    /// <value>Default <see cref="DefaultPollInterval"/>; at least 100 ms.</value>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>Gets or sets how long a claimed row stays leased to this node; a node that dies mid-send releases it when the lease runs out.</summary>
    /// <value>Default <see cref="DefaultLeaseDuration"/>; longer than the mailer's time limit per message times <see cref="BatchSize"/>.</value>
    public TimeSpan LeaseDuration { get; set; } = DefaultLeaseDuration;

    /// <summary>Gets or sets the wait before the second attempt; each further wait doubles, up to <see cref="MaximumRetryDelay"/>.</summary>
    /// <value>Default <see cref="DefaultFirstRetryDelay"/>.</value>
    public TimeSpan FirstRetryDelay { get; set; } = DefaultFirstRetryDelay;

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>Default <see cref="DefaultMaximumRetryDelay"/>.</value>
    public TimeSpan MaximumRetryDelay { get; set; } = DefaultMaximumRetryDelay;

    /// <summary>Gets or sets how many attempts a mail gets before it becomes a dead letter (kept, never tried again, logged and counted).</summary>
    /// <value>Default <see cref="DefaultMaximumAttempts"/>; 1 to 100.</value>
    public int MaximumAttempts { get; set; } = DefaultMaximumAttempts;

    /// <summary>Gets or sets how many rows one claim leases.</summary>
    /// <value>Default <see cref="DefaultBatchSize"/>; 1 to 1,000.</value>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Gets or sets how long delivered rows are kept (their bodies are dropped at delivery; the row says what was sent when).</summary>
    /// <value>Default <see cref="DefaultRetentionPeriod"/>.</value>
    public TimeSpan RetentionPeriod { get; set; } = DefaultRetentionPeriod;

    /// <summary>Gets or sets how often delivered rows past <see cref="RetentionPeriod"/> are purged.</summary>
    /// <value>Default <see cref="DefaultPurgeInterval"/>.</value>
    public TimeSpan PurgeInterval { get; set; } = DefaultPurgeInterval;

    /// <summary>Gets or sets how many rows one purge statement deletes; a purge runs batches until one comes back short.</summary>
    /// <value>Default <see cref="DefaultPurgeBatchSize"/>; 1 to 10,000.</value>
    public int PurgeBatchSize { get; set; } = DefaultPurgeBatchSize;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: <see cref="FirstRetryDelay"/> doubled per earlier failure, capped.</summary>
    internal TimeSpan RetryDelay(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = FirstRetryDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaximumRetryDelay.Ticks ? MaximumRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
