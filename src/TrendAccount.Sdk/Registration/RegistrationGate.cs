using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// What stands before and after the work of a registration: the captcha and the per-client limit
/// (<see cref="RateLimitOptions.RegistrationPerClient"/>) before it, and the per-address mail limit
/// (<see cref="RateLimitOptions.RegistrationPerAddress"/>) before the mail that follows it. Counted in the shared
/// <see cref="IAttemptCounter"/>, so one limit holds across nodes when the host shares the counter. One per container;
/// thread-safe.
/// </summary>
/// <remarks>
/// A refused request touches nothing after the step that refused it, so refused traffic opens no window. A client the
/// host could not identify (<see cref="ClientContext.PartitionKey"/> is <see langword="null"/>) is not limited per
/// client, as in sign-in: there is no pooled "unknown" partition that one client could spend for everyone.
/// </remarks>
internal sealed class RegistrationGate
{
    private readonly RateLimitOptions _limits;
    private readonly IAttemptCounter _counter;
    private readonly ICaptchaVerifier _captcha;
    private readonly RegistrationMailIssuer _issuer;
    private readonly ILogger _logger;
    private int _unknownClientWarned;

    public RegistrationGate(RateLimitOptions limits, IAttemptCounter counter, ICaptchaVerifier captcha, RegistrationMailIssuer issuer, ILogger<RegistrationGate> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(captcha);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(logger);
        _limits = limits;
        _counter = counter;
        _captcha = captcha;
        _issuer = issuer;
        _logger = logger;
    }

    /// <summary>
    /// Checks the captcha, then charges the client's registration window; <see langword="null"/> when the request may
    /// go on, otherwise the refusal (<see cref="RegistrationStatus.CaptchaFailed"/> or
    /// <see cref="RegistrationStatus.TooManyAttempts"/>).
    /// </summary>
    public async Task<RegistrationStatus?> AdmitAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        // Captcha first: a failed captcha looks nothing up, hashes nothing and touches no limit.
        if (!await _captcha.VerifyAsync(request.CaptchaResponse, request.Client, cancellationToken).ConfigureAwait(false))
        {
            return RegistrationStatus.CaptchaFailed;
        }

        // Each request that passes the captcha costs a bcrypt hash: the client pays for it, whatever it typed.
        var client = Redaction.ClientKey(request.Client);
        if (client is null)
        {
            if (Interlocked.Exchange(ref _unknownClientWarned, 1) == 0)
            {
                Log.UnknownClientLimitsSkipped(_logger);
            }

            return null;
        }

        var rule = _limits.RegistrationPerClient;
        var charged = await _counter.TryAddAsync(LimitKeys.ClientRegistrations(client), rule.PermitLimit, rule.Window, cancellationToken).ConfigureAwait(false);
        return charged.Added ? null : RegistrationStatus.TooManyAttempts;
    }

    /// <summary>
    /// Charges the address's mail window and, within it, queues the look-up and its one mail. Only a request that will
    /// send a mail is charged; over the limit nothing is sent.
    /// </summary>
    /// <returns>Whether a mail was queued.</returns>
    public async Task<bool> TrySendAsync(PendingRegistration pending, CancellationToken cancellationToken)
    {
        var rule = _limits.RegistrationPerAddress;
        var charged = await _counter.TryAddAsync(LimitKeys.RegistrationMails(pending.LookupKey), rule.PermitLimit, rule.Window, cancellationToken).ConfigureAwait(false);
        if (!charged.Added)
        {
            return false;
        }

        await _issuer.EnqueueAsync(pending, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
