namespace TrendAccount.Sdk;

/// <summary>
/// The registration link setting (<see cref="RecoveryOptions.RegistrationLinkBaseUrl"/>) and the per-process rate
/// limits of registration (<see cref="RateLimitOptions.RegistrationPerClient"/> and
/// <see cref="RateLimitOptions.RegistrationPerAddress"/>). One per container; thread-safe and bounded in memory.
/// </summary>
internal sealed class RegistrationLimits
{
    public RegistrationLimits(FlowContext context, RecoveryOptions recovery, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(limits);
        LinkBaseUrl = recovery.RegistrationLinkBaseUrl;
        PerClient = new FixedWindowRateLimiter(limits.RegistrationPerClient.PermitLimit, limits.RegistrationPerClient.Window, context.Time);
        MailsPerAddress = new FixedWindowRateLimiter(limits.RegistrationPerAddress.PermitLimit, limits.RegistrationPerAddress.Window, context.Time);
    }

    public Uri? LinkBaseUrl { get; }

    public FixedWindowRateLimiter PerClient { get; }

    public FixedWindowRateLimiter MailsPerAddress { get; }
}
