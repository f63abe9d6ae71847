using StackExchange.Redis;

namespace TrendAccount.Sdk.Redis;

/// <summary>
/// Options of the Redis attempt counter (<c>UseRedisAttemptCounter</c>): where Redis is, the prefix of the SDK's keys,
/// and how the counter behaves when Redis does not answer. Validated when the host starts. Not thread-safe while being
/// configured; read-only afterwards.
/// </summary>
public sealed class RedisAttemptCounterOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>: <c>trendaccount:limits:</c>.</summary>
    public const string DefaultKeyPrefix = "trendaccount:limits:";

    /// <summary>The longest <see cref="KeyPrefix"/> accepted: 100 characters.</summary>
    public const int MaximumKeyPrefixLength = 100;

    /// <summary>The default <see cref="RetryInterval"/>: 15 seconds.</summary>
    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(15);

    /// <summary>The default <see cref="Timeout"/>: one second.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, such as <c>redis1:6379,password=…,ssl=true</c>.
    /// </summary>
    /// <value>
    /// No default: set this or <see cref="ConnectionMultiplexerFactory"/>. The counter connects lazily (on its first
    /// use) with <c>abortConnect=false</c>, so a host starts while Redis is down, and with the fail-fast backlog policy,
    /// so a call made while disconnected fails at once and is counted by the fallback instead of waiting. The
    /// connection is the counter's own and is disposed with the service provider.
    /// </value>
    public string? Configuration { get; set; }

    /// <summary>Gets or sets a factory of the connection to use instead of one made from <see cref="Configuration"/>.</summary>
    /// <value>
    /// <see langword="null"/> by default. Called once, on first use. The connection it returns belongs to the host: it
    /// is not disposed by the SDK, and its own timeouts and backlog policy apply (choose
    /// <see cref="BacklogPolicy.FailFast"/> so a disconnected Redis costs sign-in no waiting).
    /// </value>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>Gets or sets the prefix put before every key the SDK counts under, to share one Redis database with other data.</summary>
    /// <value>
    /// <see cref="DefaultKeyPrefix"/> by default; at most <see cref="MaximumKeyPrefixLength"/> characters; may be empty.
    /// Every node of one deployment must use the same prefix (and database), or their limits are counted apart.
    /// </value>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>Gets or sets how long the counter keeps counting per process after Redis failed, before it tries Redis again.</summary>
    /// <value>
    /// <see cref="DefaultRetryInterval"/> by default; between one second and one hour. After the interval, one call
    /// tries Redis; if Redis answers, every call is counted in Redis again; if not, the next try is one interval later.
    /// </value>
    public TimeSpan RetryInterval { get; set; } = DefaultRetryInterval;

    /// <summary>Gets or sets how long one Redis call, or connecting, may take before it counts as a failure.</summary>
    /// <value>
    /// <see cref="DefaultTimeout"/> by default; between 50 milliseconds and 30 seconds. Applied as the connect, async
    /// and sync timeouts of a connection made from <see cref="Configuration"/> (it replaces any timeouts written in
    /// the string); a connection from <see cref="ConnectionMultiplexerFactory"/> keeps its own.
    /// </value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
