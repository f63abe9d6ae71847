namespace TrendAccount.Sdk;

/// <summary>How much undelivered mail an outbox holds, for the depth and oldest-age gauges. Immutable.</summary>
/// <param name="Depth">The number of rows waiting for delivery (dead letters excluded).</param>
/// <param name="OldestCreatedAt">When the oldest waiting row was written; <see langword="null"/> when none waits.</param>
public readonly record struct OutboxBacklog(long Depth, DateTimeOffset? OldestCreatedAt);
