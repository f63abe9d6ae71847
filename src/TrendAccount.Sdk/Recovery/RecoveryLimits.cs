using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// The recovery settings (<see cref="RecoveryOptions"/>) and the per-process rate limits of the recovery flows
/// (<see cref="RateLimitOptions"/>), one window set each: what the recovery handlers read besides the flow context.
/// The windows live in the registered <see cref="IAttemptCounter"/> port (the bounded in-memory table unless the host
/// registers a shared one), so a multi-node host's counter covers every recovery limit too.
/// One per container, shared by the handlers that charge them; thread-safe.
/// </summary>
internal sealed class RecoveryLimits
{
    public RecoveryLimits(RecoveryOptions recovery, RateLimitOptions limits, IAttemptCounter counter)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(counter);
        Recovery = recovery;

        // Each limiter keeps its windows under its own prefix in the one counter (the clock is the counter's).
        ResetsPerAddress = new(limits.PasswordResetPerAddress.PermitLimit, limits.PasswordResetPerAddress.Window, counter, "recovery:reset:addr:");
        ResetsPerClient = new(limits.PasswordResetPerClient.PermitLimit, limits.PasswordResetPerClient.Window, counter, "recovery:reset:client:");
        ResetsPerDevice = new(limits.PasswordResetPerDevice.PermitLimit, limits.PasswordResetPerDevice.Window, counter, "recovery:reset:dev:");
        RecoveriesPerClient = new(limits.EmailRecoveryPerClient.PermitLimit, limits.EmailRecoveryPerClient.Window, counter, "recovery:email:client:");
        InvalidLinksPerClient = new(limits.InvalidResetTokensPerClient.PermitLimit, limits.InvalidResetTokensPerClient.Window, counter, "recovery:link:client:");
    }

    public RecoveryOptions Recovery { get; }

    /// <summary>Reset mails per address, keyed by <see cref="AddressPartition"/>; charged only when a mail will be sent.</summary>
    public FixedWindowRateLimiter ResetsPerAddress { get; }

    public FixedWindowRateLimiter ResetsPerClient { get; }

    /// <summary>Reset mails per trusted device (the device id from its token), instead of the client and address limits.</summary>
    public FixedWindowRateLimiter ResetsPerDevice { get; }

    public FixedWindowRateLimiter RecoveriesPerClient { get; }

    public FixedWindowRateLimiter InvalidLinksPerClient { get; }

    /// <summary>
    /// The per-address partition of a lookup key: SHA-256, first 16 bytes, in hex, so a shared counter engine never
    /// holds an address and every key has the same short length.
    /// </summary>
    public static string AddressPartition(string lookupKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(lookupKey)), 0, 16);
}
