using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Changing the password of a signed-in customer: the current password is checked like a sign-in
/// (<see cref="CredentialVerifier"/>), the new one judged and set (<see cref="NewPasswordService"/>), and the caller
/// gets a replacement session that keeps the old one's absolute limit. One per container; thread-safe.
/// </summary>
internal sealed class ChangePasswordHandler
{
    private readonly FlowContext _context;
    private readonly CredentialNormalizer _normalizer;
    private readonly IAccountStore _accounts;
    private readonly TokenService _tokens;
    private readonly CredentialVerifier _verifier;
    private readonly NewPasswordService _newPasswords;
    private readonly ILogger _logger;

    public ChangePasswordHandler(
        FlowContext context,
        CredentialNormalizer normalizer,
        IAccountStore accounts,
        TokenService tokens,
        CredentialVerifier verifier,
        NewPasswordService newPasswords,
        ILogger<ChangePasswordHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(newPasswords);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _normalizer = normalizer;
        _accounts = accounts;
        _tokens = tokens;
        _verifier = verifier;
        _newPasswords = newPasswords;
        _logger = logger;
    }

    private TrendAccountMessages Messages => _context.Messages;

    public async Task<ChangePasswordResult> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ChangePassword");
        var password = _normalizer.NormalizePassword(request.NewPassword);
        var hints = password.Hints;
        var session = await _tokens.FindLiveAsync(request.SessionToken, TokenPurpose.Session, cancellationToken).ConfigureAwait(false);
        if (!session.IsLive)
        {
            Log.SessionRejected(_logger, session.RejectedBecause!);
            return Answer(ChangePasswordStatus.NotSignedIn, Messages.NotSignedIn, hints, null, activity);
        }

        var account = session.Account;
        var confirmation = _normalizer.NormalizePassword(request.Confirmation ?? string.Empty);
        var validation = await _newPasswords.ValidateForAccountAsync(password, confirmation, account, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return Answer(ChangePasswordStatus.InvalidPassword, _context.DescribePasswordProblems(validation.Problems), hints, account.Id, activity, validation.Problems);
        }

        // The current password is checked like a sign-in: one verification, lockout counted.
        var current = _normalizer.NormalizePassword(request.CurrentPassword);
        var check = await _verifier.VerifyAsync(account, current, cancellationToken).ConfigureAwait(false);
        if (check is not (CredentialCheck.Verified or CredentialCheck.VerifiedRehashNeeded))
        {
            return Answer(ChangePasswordStatus.CurrentPasswordIncorrect, Messages.CurrentPasswordIncorrect, hints, account.Id, activity);
        }

        var changedAt = await _newPasswords.SetAsync(account, account.SecurityStamp, password, null, cancellationToken).ConfigureAwait(false);
        if (changedAt is null)
        {
            return Answer(ChangePasswordStatus.Conflict, Messages.PasswordChangeConflict, hints, account.Id, activity);
        }

        // The new stamp ended every session, the caller's too; the caller gets a replacement that keeps the old
        // session's absolute limit.
        var changed = await _accounts.FindByIdAsync(account.Id, cancellationToken).ConfigureAwait(false);
        string? sessionToken = null;
        DateTimeOffset? expiresAt = null;
        if (changed is not null)
        {
            (sessionToken, expiresAt) = await _tokens.IssueSessionAsync(changed, session.Record.IssuedAt, cancellationToken).ConfigureAwait(false);
        }

        Log.PasswordChanged(_logger, account.Id);
        activity.SetOutcome(Outcomes.Of(ChangePasswordStatus.Succeeded), true);
        return new ChangePasswordResult { Status = ChangePasswordStatus.Succeeded, Message = Messages.PasswordChanged, Hints = hints, SessionToken = sessionToken, ExpiresAt = expiresAt };
    }

    private ChangePasswordResult Answer(ChangePasswordStatus status, string message, InputHints hints, Guid? accountId, Activity? activity, IReadOnlyList<PasswordProblem>? problems = null)
    {
        Log.ChangePasswordRefused(_logger, status, accountId);
        activity.SetOutcome(Outcomes.Of(status), false);
        return new ChangePasswordResult { Status = status, Message = message, Hints = hints, PasswordProblems = problems ?? [] };
    }
}
