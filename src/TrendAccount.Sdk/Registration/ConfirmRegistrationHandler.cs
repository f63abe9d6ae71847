using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The "confirm your registration" link: consumes the single-use token (one conditional write in the token store,
/// so among concurrent clicks exactly one goes on), then creates the account and links the serial in one store
/// write (<see cref="IAccountStore.CreateWithSerialAsync"/>). One per container; thread-safe.
/// </summary>
internal sealed class ConfirmRegistrationHandler
{
    private readonly FlowContext _context;
    private readonly IAccountStore _accounts;
    private readonly TokenService _tokens;
    private readonly ILogger _logger;

    public ConfirmRegistrationHandler(FlowContext context, IAccountStore accounts, TokenService tokens, ILogger<ConfirmRegistrationHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _accounts = accounts;
        _tokens = tokens;
        _logger = logger;
    }

    private TrendAccountMessages Messages => _context.Messages;

    public async Task<ConfirmRegistrationResult> ConfirmRegistrationAsync(ConfirmRegistrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ConfirmRegistration");
        var (token, rejectedBecause) = await _tokens.ConsumeUnboundAsync(request.Token, TokenPurpose.RegistrationConfirmation, cancellationToken).ConfigureAwait(false);
        var pending = PendingRegistration.FromPayload(token?.Payload);
        if (token is null || pending is null)
        {
            Log.RegistrationLinkRejected(_logger, rejectedBecause ?? "unknown");
            return Answer(ConfirmRegistrationStatus.InvalidLink, Messages.RegistrationLinkInvalid, activity);
        }

        var now = _context.Now;
        var account = new AccountRecord
        {
            Id = token.AccountId,
            Email = pending.Email,
            LookupKey = pending.LookupKey,
            PasswordHash = pending.PasswordHash,
            SecurityStamp = token.SecurityStamp,
            CreatedAt = now,
        };
        var status = await _accounts.CreateWithSerialAsync(account, pending.Serial, now, cancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case StoreWriteStatus.Succeeded:
                Log.AccountRegistered(_logger, account.Id, Redaction.MaskEmail(account.Email), Redaction.MaskSerial(pending.Serial));
                return Answer(ConfirmRegistrationStatus.Succeeded, Messages.Registered, activity, account.Id, pending.Serial);
            case StoreWriteStatus.DuplicateEmail:
                return Answer(ConfirmRegistrationStatus.AccountAlreadyExists, Messages.AccountAlreadyExists, activity);
            case StoreWriteStatus.SerialAlreadyLinked:
                return Answer(ConfirmRegistrationStatus.SerialAlreadyRegistered, Messages.SerialAlreadyRegistered, activity);
            default:
                // The serial's activation vanished since the link was sent: nothing to register it to.
                Log.RegistrationLinkRejected(_logger, Outcomes.Of(status));
                return Answer(ConfirmRegistrationStatus.InvalidLink, Messages.RegistrationLinkInvalid, activity);
        }
    }

    private ConfirmRegistrationResult Answer(ConfirmRegistrationStatus status, string message, Activity? activity, Guid? accountId = null, string? serial = null)
    {
        var outcome = status == ConfirmRegistrationStatus.Succeeded ? "registered" : "confirm_" + Outcomes.Of(status);
        _context.Metrics.Registration(outcome);
        activity.SetOutcome(outcome, status == ConfirmRegistrationStatus.Succeeded);
        return new ConfirmRegistrationResult { Status = status, Message = message, AccountId = accountId, Serial = serial };
    }
}
