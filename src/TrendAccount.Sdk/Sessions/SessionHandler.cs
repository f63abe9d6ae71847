using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>Sessions: sliding idle expiry within an absolute limit, bound to the security stamp; sign-out. One per container; thread-safe.</summary>
internal sealed class SessionHandler
{
    private readonly FlowContext _context;
    private readonly TokenService _tokens;
    private readonly ILogger _logger;

    public SessionHandler(FlowContext context, TokenService tokens, ILogger<SessionHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _tokens = tokens;
        _logger = logger;
    }

    public async Task<AccountSession?> ValidateSessionAsync(string? sessionToken, CancellationToken cancellationToken)
    {
        using var activity = TrendAccountActivities.Start("ValidateSession");
        var session = await _tokens.FindLiveAsync(sessionToken, TokenPurpose.Session, cancellationToken).ConfigureAwait(false);
        if (!session.IsLive)
        {
            Log.SessionRejected(_logger, session.RejectedBecause!);
            activity.SetOutcome("invalid", false);
            return null;
        }

        var token = session.Record;
        var expiresAt = _tokens.SessionExpiry(token.IssuedAt, _context.Now);
        if (expiresAt > token.ExpiresAt)
        {
            if (!await _tokens.ExtendAsync(session.Digest, expiresAt, cancellationToken).ConfigureAwait(false))
            {
                Log.SessionRejected(_logger, "ended while extending");
                activity.SetOutcome("invalid", false);
                return null;
            }
        }
        else
        {
            expiresAt = token.ExpiresAt;
        }

        activity.SetOutcome("valid", true);
        return new AccountSession
        {
            AccountId = session.Account.Id,
            Email = session.Account.Email,
            IssuedAt = token.IssuedAt,
            ExpiresAt = expiresAt,
            AbsoluteExpiresAt = token.IssuedAt + _context.Tokens.SessionAbsoluteLifetime,
        };
    }

    public async Task SignOutAsync(string? sessionToken, CancellationToken cancellationToken)
    {
        using var activity = TrendAccountActivities.Start("SignOut");
        var session = await _tokens.FindLiveAsync(sessionToken, TokenPurpose.Session, cancellationToken).ConfigureAwait(false);
        if (!session.IsLive)
        {
            activity.SetOutcome("invalid", false);
            return;
        }

        var ended = await _tokens.ConsumeAsync(session.Digest, cancellationToken).ConfigureAwait(false);
        if (ended)
        {
            Log.SignedOut(_logger, session.Account.Id);
        }

        activity.SetOutcome(ended ? "signed_out" : "already_ended", true);
    }
}
