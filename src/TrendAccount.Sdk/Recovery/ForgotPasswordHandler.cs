using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// "Forgot your password?": the customer types the registered address and a captcha and presses "Retrieve". The
/// answer is the same whether or not the address has an account; the link is issued off the response path by
/// <see cref="ResetLinkIssuer"/>. One per container; thread-safe.
/// </summary>
/// <remarks>
/// <para>Which window a request spends (issue #11 item 2: others must not be able to keep the owner's mail away):</para>
/// <list type="bullet">
/// <item>A trusted device of the owner (a valid device token for the typed address) spends only its own small budget
/// (<see cref="RateLimitOptions.PasswordResetPerDevice"/>): neither the client nor the address window can stop it.</item>
/// <item>Any other client spends its client window first; a request that window refuses touches no other window and
/// is not queued.</item>
/// <item>The address window (<see cref="RateLimitOptions.PasswordResetPerAddress"/>) is charged by the issuer, off the
/// response path, and only when a mail is about to be sent (the address has an account): junk addresses and refused
/// requests spend nothing, and the answer is the same, and as fast, for every address.</item>
/// </list>
/// <para>The device check is one HMAC, done for every request that carries a token, with no store look-up. It is
/// given as a function (the sign-in feature's device tokens, wired by <c>AddTrendAccount</c>) so that this folder does
/// not name the sign-in folder, which names this one's rate-limit rule.</para>
/// </remarks>
internal sealed class ForgotPasswordHandler
{
    private readonly FlowContext _context;
    private readonly CredentialNormalizer _normalizer;
    private readonly ICaptchaVerifier _captcha;
    private readonly RecoveryLimits _limits;
    private readonly Func<string?, string, string?> _trustedDeviceId;
    private readonly ResetLinkIssuer _issuer;
    private readonly ILogger _logger;

    public ForgotPasswordHandler(FlowContext context, CredentialNormalizer normalizer, ICaptchaVerifier captcha, RecoveryLimits limits, Func<string?, string, string?> trustedDeviceId, ResetLinkIssuer issuer, ILogger<ForgotPasswordHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(captcha);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(trustedDeviceId);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _normalizer = normalizer;
        _captcha = captcha;
        _limits = limits;
        _trustedDeviceId = trustedDeviceId;
        _issuer = issuer;
        _logger = logger;
    }

    public async Task<ForgotPasswordResult> RequestPasswordResetAsync(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("RequestPasswordReset");
        var email = _normalizer.NormalizeEmail(request.Email);
        var messages = _context.Messages;

        // Captcha first: a failed captcha looks nothing up and sends nothing.
        if (!await _captcha.VerifyAsync(request.CaptchaResponse, request.Client, cancellationToken).ConfigureAwait(false))
        {
            return Answer(ForgotPasswordStatus.CaptchaFailed, messages.CaptchaFailed, email, "captcha_failed", activity);
        }

        if (!email.IsValid)
        {
            return Answer(ForgotPasswordStatus.InvalidEmail, messages.DescribeEmailProblem(email.Problem), email, "invalid_email", activity);
        }

        var lookupKey = email.LookupKey!;
        var maskedEmail = Redaction.MaskEmail(email.Email);
        var deviceId = _trustedDeviceId(request.DeviceToken, lookupKey);
        var allowed = deviceId is not null
            ? await _limits.ResetsPerDevice.TryAcquireAsync(deviceId, cancellationToken).ConfigureAwait(false)
            : await _limits.ResetsPerClient.TryAcquireAsync(Redaction.ClientKey(request.Client), cancellationToken).ConfigureAwait(false);
        if (!allowed)
        {
            // Over a limit: the same answer as always, nothing queued, and no other window touched.
            Log.PasswordResetRateLimited(_logger, deviceId is null ? "client" : "device", maskedEmail);
            return Answer(ForgotPasswordStatus.Accepted, messages.PasswordResetRequested, email, "rate_limited", activity);
        }

        await _issuer.EnqueueAsync(lookupKey, maskedEmail, trustedDevice: deviceId is not null, cancellationToken).ConfigureAwait(false);
        Log.PasswordResetRequested(_logger, maskedEmail);
        return Answer(ForgotPasswordStatus.Accepted, messages.PasswordResetRequested, email, "accepted", activity);
    }

    private ForgotPasswordResult Answer(ForgotPasswordStatus status, string message, EmailNormalization email, string outcome, Activity? activity)
    {
        _context.Metrics.ResetRequested(outcome);
        if (status != ForgotPasswordStatus.Accepted)
        {
            Log.PasswordResetRequestRefused(_logger, status);
        }

        // The activity carries the public outcome only.
        activity.SetOutcome(Outcomes.Of(status), status == ForgotPasswordStatus.Accepted);
        return new ForgotPasswordResult { Status = status, Message = message, Hints = email.Hints, EmailProblem = email.Problem };
    }
}
