namespace TrendAccount.Sdk;

/// <content>Sessions: sliding idle expiry, absolute limit, security stamp, sign-out.</content>
internal sealed partial class AccountService
{
    public async Task<AccountSession?> ValidateSessionAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        using var activity = TrendAccountActivities.Start("ValidateSession");
        var now = _time.GetUtcNow();
        var found = await FindSessionAsync(sessionToken, now, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            activity.SetOutcome("invalid", false);
            return null;
        }

        var (digest, token, account) = found.Value;

        var absoluteEnd = token.IssuedAt + _options.Tokens.SessionAbsoluteLifetime;
        var expiresAt = Earliest(now + _options.Tokens.SessionIdleTimeout, absoluteEnd);
        if (expiresAt > token.ExpiresAt)
        {
            if (!await _tokens.TryExtendAsync(digest, expiresAt, now, cancellationToken).ConfigureAwait(false))
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
            AccountId = account.Id,
            Email = account.Email,
            IssuedAt = token.IssuedAt,
            ExpiresAt = expiresAt,
            AbsoluteExpiresAt = absoluteEnd,
        };
    }

    public async Task SignOutAsync(string sessionToken, CancellationToken cancellationToken = default)
    {
        using var activity = TrendAccountActivities.Start("SignOut");
        var digest = SecureTokens.TryComputeDigest(sessionToken);
        if (digest is null)
        {
            activity.SetOutcome("invalid", false);
            return;
        }

        var token = await _tokens.FindAsync(digest, cancellationToken).ConfigureAwait(false);
        if (token is null || token.Purpose != TokenPurpose.Session)
        {
            activity.SetOutcome("invalid", false);
            return;
        }

        var ended = await _tokens.TryConsumeAsync(digest, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (ended)
        {
            Log.SignedOut(_logger, token.AccountId);
        }

        activity.SetOutcome(ended ? "signed_out" : "already_ended", true);
    }

    /// <summary>Finds a live session: known, of purpose Session, unexpired, within its absolute limit, and issued under the account's current stamp.</summary>
    private async Task<(string Digest, TokenRecord Token, AccountRecord Account)?> FindSessionAsync(string? sessionToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digest = SecureTokens.TryComputeDigest(sessionToken);
        if (digest is null)
        {
            Log.SessionRejected(_logger, "malformed");
            return null;
        }

        var token = await _tokens.FindAsync(digest, cancellationToken).ConfigureAwait(false);
        if (token is null || token.Purpose != TokenPurpose.Session)
        {
            Log.SessionRejected(_logger, "unknown");
            return null;
        }

        if (!token.IsActiveAt(now) || now >= token.IssuedAt + _options.Tokens.SessionAbsoluteLifetime)
        {
            Log.SessionRejected(_logger, "expired or ended");
            return null;
        }

        var account = await _accounts.FindByIdAsync(token.AccountId, cancellationToken).ConfigureAwait(false);
        if (account is null || !string.Equals(account.SecurityStamp, token.SecurityStamp, StringComparison.Ordinal))
        {
            Log.SessionRejected(_logger, "credentials changed");
            return null;
        }

        return (digest, token, account);
    }
}
