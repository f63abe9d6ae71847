namespace TrendAccount.Sdk;

/// <summary>
/// The per-process rate limits of registration (<see cref="RateLimitOptions.RegistrationPerClient"/> and
/// <see cref="RateLimitOptions.RegistrationPerAddress"/>). One per container; thread-safe and bounded in memory.
/// </summary>
internal sealed class RegistrationLimits
{
    public RegistrationLimits(FlowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limits = context.Options.RateLimits;
        PerClient = new FixedWindowRateLimiter(limits.RegistrationPerClient.PermitLimit, limits.RegistrationPerClient.Window, context.Time);
        MailsPerAddress = new FixedWindowRateLimiter(limits.RegistrationPerAddress.PermitLimit, limits.RegistrationPerAddress.Window, context.Time);
    }

    public FixedWindowRateLimiter PerClient { get; }

    public FixedWindowRateLimiter MailsPerAddress { get; }
}
