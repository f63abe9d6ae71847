using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// "Update Password" behind the reset link: the link is checked (<see cref="TokenService"/>), the new password judged
/// and set (<see cref="NewPasswordService"/>), and a client presenting too many invalid links is slowed down. One per
/// container; thread-safe.
/// </summary>
internal sealed class ResetPasswordHandler
{
    private readonly FlowContext _context;
    private readonly CredentialNormalizer _normalizer;
    private readonly TokenService _tokens;
    private readonly NewPasswordService _newPasswords;
    private readonly RecoveryLimits _limits;
    private readonly ILogger _logger;

    public ResetPasswordHandler(FlowContext context, CredentialNormalizer normalizer, TokenService tokens, NewPasswordService newPasswords, RecoveryLimits limits, ILogger<ResetPasswordHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(newPasswords);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _normalizer = normalizer;
        _tokens = tokens;
        _newPasswords = newPasswords;
        _limits = limits;
        _logger = logger;
    }

    public async Task<bool> IsPasswordResetLinkValidAsync(string? token, CancellationToken cancellationToken) =>
        (await _tokens.FindLiveAsync(token, TokenPurpose.PasswordReset, cancellationToken).ConfigureAwait(false)).IsLive;

    public async Task<ResetPasswordResult> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ResetPassword");
        var password = _normalizer.NormalizePassword(request.NewPassword);
        var hints = password.Hints;
        var client = Redaction.ClientKey(request.Client);
        if (await _limits.InvalidLinksPerClient.IsExhaustedAsync(client, cancellationToken).ConfigureAwait(false))
        {
            Log.ResetThrottled(_logger, client);
            return Completed(ResetPasswordStatus.RateLimited, _context.Messages.TooManyAttempts, hints, "rate_limited", activity);
        }

        var link = await _tokens.FindLiveAsync(request.Token, TokenPurpose.PasswordReset, cancellationToken).ConfigureAwait(false);
        if (!link.IsLive)
        {
            return await InvalidLinkAsync(link.RejectedBecause!, client, hints, activity, cancellationToken).ConfigureAwait(false);
        }

        // The policy is checked before anything is written: problems are reported and the link keeps working.
        var confirmation = _normalizer.NormalizePassword(request.Confirmation ?? string.Empty);
        var validation = await _newPasswords.ValidateForAccountAsync(password, confirmation, link.Account, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Completed(ResetPasswordStatus.InvalidPassword, _context.DescribePasswordProblems(validation.Problems), hints, "invalid_password", activity, validation.Problems);
        }

        // Of any number of concurrent redemptions exactly one changes the password; the others find the stamp
        // changed and get the generic answer.
        var changedAt = await _newPasswords.SetAsync(link.Account, link.Record.SecurityStamp, password, link.Digest, cancellationToken).ConfigureAwait(false);
        if (changedAt is null)
        {
            return await InvalidLinkAsync("lost the race to another redemption", client, hints, activity, cancellationToken).ConfigureAwait(false);
        }

        Log.PasswordReset(_logger, link.Account.Id);
        return Completed(ResetPasswordStatus.Succeeded, _context.Messages.PasswordChanged, hints, "succeeded", activity);
    }

    private async Task<ResetPasswordResult> InvalidLinkAsync(string reason, string? client, InputHints hints, Activity? activity, CancellationToken cancellationToken)
    {
        await _limits.InvalidLinksPerClient.TryAcquireAsync(client, cancellationToken).ConfigureAwait(false);
        Log.ResetLinkRejected(_logger, reason);
        return Completed(ResetPasswordStatus.InvalidLink, _context.Messages.ResetLinkInvalid, hints, "invalid_link", activity);
    }

    private ResetPasswordResult Completed(ResetPasswordStatus status, string message, InputHints hints, string outcome, Activity? activity, IReadOnlyList<PasswordProblem>? problems = null)
    {
        _context.Metrics.ResetCompleted(outcome);
        activity.SetOutcome(outcome, status == ResetPasswordStatus.Succeeded);
        return new ResetPasswordResult { Status = status, Message = message, Hints = hints, PasswordProblems = problems ?? [] };
    }
}
