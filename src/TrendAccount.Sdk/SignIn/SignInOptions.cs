namespace TrendAccount.Sdk;

/// <summary>
/// Device tokens, the per-client sign-in limit and the admission of password verifications
/// (<see cref="TrendAccountOptions.SignIn"/>). The failure budget shared by untrusted clients is
/// <see cref="LockoutOptions.MaximumFailedAttempts"/> per <see cref="LockoutOptions.Duration"/>.
/// </summary>
public sealed class SignInOptions
{
    /// <summary>The fewest bytes a device-token key may have: 32.</summary>
    public const int MinimumDeviceTokenKeyBytes = 32;

    /// <summary>The default failures a trusted device may make before it is treated as untrusted: 10.</summary>
    public const int DefaultDeviceFailureBudget = 10;

    /// <summary>The default lifetime of a device token: 180 days.</summary>
    public static readonly TimeSpan DefaultDeviceTokenLifetime = TimeSpan.FromDays(180);

    /// <summary>The default longest time a sign-in waits for a verification slot: 2 seconds.</summary>
    public static readonly TimeSpan DefaultMaximumVerificationWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the key that signs device tokens: base64 of at least <see cref="MinimumDeviceTokenKeyBytes"/> (32)
    /// random bytes, kept secret like the pepper but never the same value (a leak of one must not give the other).
    /// </summary>
    /// <value>
    /// Defaults to <see langword="null"/>: no device tokens are issued and every client is untrusted (it meets the
    /// captcha step-up once the address's failure budget is spent). Set it in production so that the owner's own
    /// browsers keep signing in without a captcha while the account is under attack. All nodes need the same key.
    /// </value>
    public string? DeviceTokenKey { get; set; }

    /// <summary>Gets or sets how long a device token is honoured after it was issued (each successful sign-in issues a fresh one).</summary>
    /// <value>Defaults to <see cref="DefaultDeviceTokenLifetime"/> (180 days).</value>
    public TimeSpan DeviceTokenLifetime { get; set; } = DefaultDeviceTokenLifetime;

    /// <summary>
    /// Gets or sets the failed sign-ins one trusted device may make per <see cref="LockoutOptions.Duration"/>, counted
    /// for that device alone; past it, the device is treated as untrusted until the window ends.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultDeviceFailureBudget"/> (10).</value>
    public int DeviceFailureBudget { get; set; } = DefaultDeviceFailureBudget;

    /// <summary>Gets sign-in attempts allowed per client (trusted devices are not charged); over it, the answer is "try again shortly".</summary>
    /// <value>Defaults to 30 per 5 minutes.</value>
    public RateLimitRule PerClient { get; } = new(30, TimeSpan.FromMinutes(5));

    /// <summary>Gets or sets how many password verifications may run at once; 0 means one per processor.</summary>
    /// <value>Defaults to 0 (<see cref="Environment.ProcessorCount"/>).</value>
    public int MaximumConcurrentVerifications { get; set; }

    /// <summary>
    /// Gets or sets how many sign-ins may wait for a verification slot, per queue (trusted devices and untrusted
    /// clients each have one); a sign-in that finds its queue full is answered "try again shortly" at once. 0 means
    /// four per concurrent verification.
    /// </summary>
    /// <value>Defaults to 0 (four times the concurrent verifications).</value>
    public int MaximumQueuedVerifications { get; set; }

    /// <summary>Gets or sets the longest a sign-in waits for a verification slot before it is answered "try again shortly".</summary>
    /// <value>Defaults to <see cref="DefaultMaximumVerificationWait"/> (2 seconds).</value>
    public TimeSpan MaximumVerificationWait { get; set; } = DefaultMaximumVerificationWait;

    internal int ConcurrentVerifications => MaximumConcurrentVerifications > 0 ? MaximumConcurrentVerifications : Environment.ProcessorCount;

    internal int QueuedVerifications => MaximumQueuedVerifications > 0 ? MaximumQueuedVerifications : 4 * ConcurrentVerifications;

    /// <summary>The device-token key's bytes, or <see langword="null"/> when none is configured (or it is invalid; validation reports that).</summary>
    internal byte[]? DeviceTokenKeyBytes()
    {
        if (string.IsNullOrEmpty(DeviceTokenKey))
        {
            return null;
        }

        var buffer = new byte[DeviceTokenKey.Length];
        return Convert.TryFromBase64String(DeviceTokenKey, buffer, out var written) && written >= MinimumDeviceTokenKeyBytes ? buffer[..written] : null;
    }

    internal void Validate(HashingOptions hashing, ICollection<string> failures)
    {
        if (DeviceTokenKey is not null)
        {
            if (DeviceTokenKeyBytes() is null)
            {
                failures.Add($"TrendAccount:SignIn:DeviceTokenKey must be base64 of at least {MinimumDeviceTokenKeyBytes} random bytes (or unset to issue no device tokens).");
            }
            else if (hashing.Peppers.Values.Any(p => string.Equals(p, DeviceTokenKey, StringComparison.Ordinal)))
            {
                failures.Add("TrendAccount:SignIn:DeviceTokenKey must not be one of TrendAccount:Hashing:Peppers; generate a separate key.");
            }
        }

        if (DeviceTokenLifetime <= TimeSpan.Zero || DeviceTokenLifetime > TimeSpan.FromDays(400))
        {
            failures.Add($"TrendAccount:SignIn:DeviceTokenLifetime ({DeviceTokenLifetime}) must be positive and at most 400 days.");
        }

        if (DeviceFailureBudget is < 1 or > 1000)
        {
            failures.Add($"TrendAccount:SignIn:DeviceFailureBudget ({DeviceFailureBudget}) must be between 1 and 1000.");
        }

        PerClient.Validate("SignIn:PerClient", failures);
        if (MaximumConcurrentVerifications is < 0 or > 1024)
        {
            failures.Add($"TrendAccount:SignIn:MaximumConcurrentVerifications ({MaximumConcurrentVerifications}) must be between 0 (one per processor) and 1024.");
        }

        if (MaximumQueuedVerifications is < 0 or > 100_000)
        {
            failures.Add($"TrendAccount:SignIn:MaximumQueuedVerifications ({MaximumQueuedVerifications}) must be between 0 (four per concurrent verification) and 100000.");
        }

        if (MaximumVerificationWait <= TimeSpan.Zero || MaximumVerificationWait > TimeSpan.FromMinutes(1))
        {
            failures.Add($"TrendAccount:SignIn:MaximumVerificationWait ({MaximumVerificationWait}) must be positive and at most one minute.");
        }
    }
}
