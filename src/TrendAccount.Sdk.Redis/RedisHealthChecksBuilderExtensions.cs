using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrendAccount.Sdk.Redis;
using TrendAccount.Sdk.Redis.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health check of the Redis attempt counter.</summary>
public static class RedisHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that sends <c>PING</c> over the Redis attempt counter's connection: healthy when Redis
    /// answers and the counters count in it, degraded when Redis answers but the counters still count per process
    /// (until their next retry), <paramref name="failureStatus"/> when Redis does not answer. Tagged
    /// <c>trendaccount</c> and <c>redis</c>, plus <paramref name="tags"/>. Needs <c>UseRedisAttemptCounter</c>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name; <see cref="RedisAttemptCounterDiagnostics.DefaultHealthCheckName"/> by default.</param>
    /// <param name="failureStatus">
    /// The status when Redis does not answer; <see cref="HealthStatus.Degraded"/> by default, since sign-in keeps
    /// working on per-process limits.
    /// </param>
    /// <param name="tags">More tags for filtering (readiness, liveness).</param>
    /// <param name="timeout">How long the check may take; the health checks' default when <see langword="null"/>.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddTrendAccountRedis(
        this IHealthChecksBuilder builder,
        string name = RedisAttemptCounterDiagnostics.DefaultHealthCheckName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string[] allTags = [RedisAttemptCounterDiagnostics.HealthCheckTag, RedisAttemptCounterDiagnostics.RedisHealthCheckTag, .. tags ?? []];
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new RedisHealthCheck(
                sp.GetService<RedisConnection>() ?? throw new InvalidOperationException("AddTrendAccountRedis() checks the Redis attempt counter: call UseRedisAttemptCounter(...) on AddTrendAccount() too."),
                sp.GetService<ResilientAttemptCounter>()),
            failureStatus ?? HealthStatus.Degraded,
            allTags.Distinct(StringComparer.Ordinal),
            timeout));
    }
}
