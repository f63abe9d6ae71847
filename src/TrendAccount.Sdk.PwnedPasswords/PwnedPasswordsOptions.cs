namespace TrendAccount.Sdk.PwnedPasswords;

/// <summary>
/// Settings of <see cref="PwnedPasswordsBreachScreen"/>, validated when the host starts. Bind them from the
/// <see cref="SectionName"/> section by convention.
/// </summary>
public sealed class PwnedPasswordsOptions
{
    /// <summary>The configuration section name used by convention: <c>TrendAccount:PwnedPasswords</c>.</summary>
    public const string SectionName = "TrendAccount:PwnedPasswords";

    /// <summary>The default <see cref="MinimumCount"/>: 1 (a password seen once in a breach is refused).</summary>
    public const int DefaultMinimumCount = 1;

    /// <summary>The default <see cref="MaxRetries"/>: 1.</summary>
    public const int DefaultMaxRetries = 1;

    /// <summary>The largest <see cref="MaxRetries"/> accepted: 5.</summary>
    public const int MaxAllowedRetries = 5;

    /// <summary>The default <see cref="CacheSize"/>: 512 prefixes (about 9 MiB at roughly 1,000 breached suffixes per prefix).</summary>
    public const int DefaultCacheSize = 512;

    /// <summary>The largest <see cref="CacheSize"/> accepted: 65,536 prefixes.</summary>
    public const int MaxCacheSize = 65_536;

    /// <summary>The public range service: <c>https://api.pwnedpasswords.com/</c>.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.pwnedpasswords.com/");

    /// <summary>The default <see cref="Timeout"/>: 2 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The longest <see cref="Timeout"/> accepted: 30 seconds.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="RetryDelay"/>: 100 milliseconds.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The default <see cref="CacheLifetime"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultCacheLifetime = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="CacheLifetime"/> accepted: 7 days.</summary>
    public static readonly TimeSpan MaxCacheLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the range service: the screen asks <c>GET {BaseUrl}range/{prefix}</c>. A mirror that speaks the
    /// same protocol (an internal proxy, a self-hosted copy) goes here. Must be an absolute <c>https</c> URL; <c>http</c>
    /// is accepted only for a loopback host (local test servers). Not used when <see cref="OfflineDirectory"/> is set.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultBaseUrl"/>.</value>
    public Uri? BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// Gets or sets a local folder of range files to screen against instead of calling out: one file per 5-hex prefix
    /// named <c>ABCDE.txt</c> (upper case), each holding <c>SUFFIX:COUNT</c> lines — what the public range downloaders
    /// write. For hosts that may not call out.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the online service at <see cref="BaseUrl"/> is used.</value>
    public string? OfflineDirectory { get; set; }

    /// <summary>
    /// Gets or sets the longest a screening may take, retries, waiting and reading included. When it takes longer the
    /// <see cref="FailureMode"/> decides. The customer never waits for the screen longer than this.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultTimeout"/> (2 seconds); must be positive and at most <see cref="MaxTimeout"/>.</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Gets or sets how many times a breached password must have been seen to be refused. Raise it only to accept
    /// passwords seen once or twice; the count itself is never shown to anyone.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMinimumCount"/> (1); must be at least 1.</value>
    public int MinimumCount { get; set; } = DefaultMinimumCount;

    /// <summary>
    /// Gets or sets a value indicating whether to ask the service to pad its answers with fake entries (the
    /// <c>Add-Padding: true</c> request header), so that the size of the encrypted answer does not tell an eavesdropper
    /// which prefix was asked for. Padding entries have a count of 0 and are ignored.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool AddPadding { get; set; } = true;

    /// <summary>Gets or sets what happens to a new password when the service or folder cannot answer.</summary>
    /// <value>Defaults to <see cref="PwnedPasswordsFailureMode.FailOpen"/>.</value>
    public PwnedPasswordsFailureMode FailureMode { get; set; } = PwnedPasswordsFailureMode.FailOpen;

    /// <summary>
    /// Gets or sets how many times a failed request (a network error or an HTTP 408, 429 or 5xx answer) is retried
    /// within <see cref="Timeout"/>.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxRetries"/> (1); 0 to <see cref="MaxAllowedRetries"/>.</value>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>Gets or sets the wait before a retry (with jitter).</summary>
    /// <value>Defaults to <see cref="DefaultRetryDelay"/> (100 milliseconds); zero or positive, less than <see cref="Timeout"/>.</value>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>
    /// Gets or sets how many prefixes' answers are kept in memory (least recently used first out). Only the suffixes
    /// seen at least <see cref="MinimumCount"/> times are kept, about 18 bytes each. 0 turns the cache off.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultCacheSize"/> (512); 0 to <see cref="MaxCacheSize"/>.</value>
    public int CacheSize { get; set; } = DefaultCacheSize;

    /// <summary>Gets or sets how long a cached answer is used before the service or folder is asked again.</summary>
    /// <value>Defaults to <see cref="DefaultCacheLifetime"/> (1 hour); positive and at most <see cref="MaxCacheLifetime"/>.</value>
    public TimeSpan CacheLifetime { get; set; } = DefaultCacheLifetime;
}
