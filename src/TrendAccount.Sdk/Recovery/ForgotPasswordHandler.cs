using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// "Forgot your password?": the customer types the registered address and a captcha and presses "Retrieve". The
/// answer is the same whether or not the address has an account; the link is issued off the response path by
/// <see cref="ResetLinkIssuer"/>. One per container; thread-safe.
/// </summary>
internal sealed class ForgotPasswordHandler
{
    private readonly FlowContext _context;
    private readonly CredentialNormalizer _normalizer;
    private readonly ICaptchaVerifier _captcha;
    private readonly RecoveryLimits _limits;
    private readonly ResetLinkIssuer _issuer;
    private readonly ILogger _logger;

    public ForgotPasswordHandler(FlowContext context, CredentialNormalizer normalizer, ICaptchaVerifier captcha, RecoveryLimits limits, ResetLinkIssuer issuer, ILogger<ForgotPasswordHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(captcha);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _normalizer = normalizer;
        _captcha = captcha;
        _limits = limits;
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

        // Both limits are charged on every request, so neither tells an attacker anything the other hides.
        var clientAllowed = await _limits.ResetsPerClient.TryAcquireAsync(Redaction.ClientKey(request.Client), cancellationToken).ConfigureAwait(false);
        var addressAllowed = await _limits.ResetsPerAddress.TryAcquireAsync(email.LookupKey!, cancellationToken).ConfigureAwait(false);
        var maskedEmail = Redaction.MaskEmail(email.Email);
        if (!clientAllowed || !addressAllowed)
        {
            // Over a limit: the same answer as always, and nothing is sent.
            Log.PasswordResetRateLimited(_logger, clientAllowed ? "address" : "client", maskedEmail);
            return Answer(ForgotPasswordStatus.Accepted, messages.PasswordResetRequested, email, "rate_limited", activity);
        }

        await _issuer.EnqueueAsync(email.LookupKey!, maskedEmail, cancellationToken).ConfigureAwait(false);
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
