using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>What <see cref="SignInGuard.AdmitAsync"/> decided for one sign-in.</summary>
internal enum SignInDecision
{
    /// <summary>Go on: a verification slot is held and must be released with <see cref="SignInGuard.Release"/>.</summary>
    Admitted,

    /// <summary>Untrusted client, the address's failure budget is spent and no solved captcha came with the request.</summary>
    CaptchaRequired,

    /// <summary>Over the client's sign-in limit, or the verification queue is full or its wait ran out.</summary>
    TryAgainLater,
}

/// <summary>The guard's answer for one sign-in.</summary>
/// <param name="Decision">What to do.</param>
/// <param name="DeviceId">The trusted device's id, or <see langword="null"/> for an untrusted client.</param>
/// <param name="RetryAfter">For <see cref="SignInDecision.TryAgainLater"/>: how long to wait.</param>
internal readonly record struct SignInAdmission(SignInDecision Decision, string? DeviceId, TimeSpan? RetryAfter)
{
    public bool Trusted => DeviceId is not null;

    /// <summary>Gets when the verification slot was taken (a <see cref="TimeProvider"/> timestamp; admitted sign-ins only).</summary>
    public long AdmittedAt { get; init; }
}

/// <summary>
/// Everything that stands between a sign-in and a password verification: device trust, the per-client limit, the
/// captcha step-up and admission to a verification slot; and the failure budgets they are charged to. Each decision
/// is made from the typed address's lookup key and the client alone, never from whether an account exists, so none
/// reveals anything. One per container; thread-safe.
/// </summary>
/// <remarks>
/// <para>Budgets (OWASP, "slow down online guessing with device cookies"): a client presenting a valid device token
/// for this address has its own budget (<see cref="SignInOptions.DeviceFailureBudget"/> per
/// <see cref="LockoutOptions.Duration"/>); every other client shares the address's budget
/// (<see cref="LockoutOptions.MaximumFailedAttempts"/> per <see cref="LockoutOptions.Duration"/>, counted for unknown
/// addresses too). Past the shared budget an untrusted client must solve a captcha, and then its password is checked as
/// usual, so an attacker who knows only the address can slow guessing but never keep the owner out.</para>
/// <para>Order: trust, then the per-client limit (trusted devices are not charged), then the step-up, then the
/// verification slot. A refused request touches nothing after the step that refused it, so refused traffic opens no
/// windows.</para>
/// </remarks>
internal sealed class SignInGuard
{
    /// <summary>What a client is told to wait when the verification queue is full: 1 second.</summary>
    public static readonly TimeSpan OverloadRetryAfter = TimeSpan.FromSeconds(1);

    private readonly FlowContext _context;
    private readonly SignInOptions _options;
    private readonly IAttemptCounter _counter;
    private readonly DeviceTokens _devices;
    private readonly VerificationGate _gate;
    private readonly ICaptchaVerifier _captcha;
    private readonly ILogger _logger;
    private int _unknownClientWarned;

    public SignInGuard(FlowContext context, SignInOptions options, IAttemptCounter counter, DeviceTokens devices, VerificationGate gate, ICaptchaVerifier captcha, ILogger<SignInGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(captcha);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _options = options;
        _counter = counter;
        _devices = devices;
        _gate = gate;
        _captcha = captcha;
        _logger = logger;
    }

    public async Task<SignInAdmission> AdmitAsync(SignInRequest request, string lookupKey, CancellationToken cancellationToken)
    {
        var deviceId = _devices.Validate(request.DeviceToken, lookupKey, _context.Now);
        if (deviceId is not null)
        {
            var spent = await _counter.GetAsync(LimitKeys.DeviceFailures(deviceId), cancellationToken).ConfigureAwait(false);
            if (spent.Count >= _options.DeviceFailureBudget)
            {
                deviceId = null;
            }
        }

        var client = Redaction.ClientKey(request.Client);
        if (deviceId is null)
        {
            if (client is null)
            {
                if (Interlocked.Exchange(ref _unknownClientWarned, 1) == 0)
                {
                    Log.UnknownClientLimitsSkipped(_logger);
                }
            }
            else
            {
                var rule = _options.PerClient;
                var charged = await _counter.TryAddAsync(LimitKeys.ClientSignIns(client), rule.PermitLimit, rule.Window, cancellationToken).ConfigureAwait(false);
                if (!charged.Added)
                {
                    return Deferred("client_limit", client, charged.RetryAfter);
                }
            }

            if (_context.Lockout.Enabled)
            {
                var failures = await _counter.GetAsync(LimitKeys.AddressFailures(lookupKey), cancellationToken).ConfigureAwait(false);
                if (failures.Count >= _context.Lockout.MaximumFailedAttempts
                    && (request.CaptchaResponse is null || !await _captcha.VerifyAsync(request.CaptchaResponse, request.Client, cancellationToken).ConfigureAwait(false)))
                {
                    return new SignInAdmission(SignInDecision.CaptchaRequired, null, null);
                }
            }
        }

        if (!await _gate.EnterAsync(deviceId is not null, cancellationToken).ConfigureAwait(false))
        {
            return Deferred("overload", client, OverloadRetryAfter);
        }

        return new SignInAdmission(SignInDecision.Admitted, deviceId, null) { AdmittedAt = _gate.Timestamp() };
    }

    /// <summary>Frees the verification slot of an admitted sign-in, recording how long it was held.</summary>
    public void Release(SignInAdmission admission) => _gate.Exit(admission.AdmittedAt);

    /// <summary>Charges a failed sign-in (wrong password or unknown address alike) to the device's or the address's budget.</summary>
    public async Task RecordFailureAsync(SignInAdmission admission, string lookupKey, string email, CancellationToken cancellationToken)
    {
        if (admission.DeviceId is { } device)
        {
            await _counter.TryAddAsync(LimitKeys.DeviceFailures(device), _options.DeviceFailureBudget, _context.Lockout.Duration, cancellationToken).ConfigureAwait(false);
        }
        else if (_context.Lockout.Enabled)
        {
            var key = LimitKeys.AddressFailures(lookupKey);
            var counted = await _counter.TryAddAsync(key, _context.Lockout.MaximumFailedAttempts, _context.Lockout.Duration, cancellationToken).ConfigureAwait(false);
            if (counted.Added && counted.Count == _context.Lockout.MaximumFailedAttempts)
            {
                Log.SignInStepUpRequired(_logger, Redaction.MaskEmail(email));
            }
        }
    }

    /// <summary>
    /// After a successful sign-in: clears the budget it was charged to (the device's own, or the address's shared one
    /// for an untrusted client, as a lockout count is cleared by the owner's success) and issues a fresh device token.
    /// </summary>
    public async Task<string?> RecordSuccessAsync(SignInAdmission admission, string lookupKey, CancellationToken cancellationToken)
    {
        var key = admission.DeviceId is { } device ? LimitKeys.DeviceFailures(device) : LimitKeys.AddressFailures(lookupKey);
        await _counter.ResetAsync(key, cancellationToken).ConfigureAwait(false);

        return _devices.Issue(lookupKey, _context.Now);
    }

    private SignInAdmission Deferred(string reason, string? client, TimeSpan retryAfter)
    {
        _context.Metrics.SignInDeferred(reason);
        Log.SignInDeferred(_logger, reason, client);
        return new SignInAdmission(SignInDecision.TryAgainLater, null, retryAfter > TimeSpan.Zero ? retryAfter : OverloadRetryAfter);
    }
}
