using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// Sign-in, sign-out and password change for a request: calls the SDK and issues, replaces
/// or deletes the session cookie of the TrendAccount scheme. Razor pages, MVC controllers and the JSON endpoints
/// all go through it. Registered by <c>AddTrendAccountAuthentication()</c>; thread-safe.
/// </summary>
public sealed class TrendAccountSignInManager
{
    private readonly IAccountService _accounts;
    private readonly SessionCache _sessions;
    private readonly IOptionsMonitor<TrendAccountAuthenticationOptions> _options;

    internal TrendAccountSignInManager(IAccountService accounts, SessionCache sessions, IOptionsMonitor<TrendAccountAuthenticationOptions> options)
    {
        _accounts = accounts;
        _sessions = sessions;
        _options = options;
    }

    private TrendAccountAuthenticationOptions Options => _options.Get(TrendAccountAuthenticationDefaults.AuthenticationScheme);

    /// <summary>
    /// Signs a customer in with the email address and password as typed. On success the session cookie is set (and a
    /// session the request already carried is ended); on failure nothing changes and the result carries the article's
    /// one generic message.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The SDK's result; its session token is already in the cookie.</returns>
    public async Task<SignInResult> SignInAsync(HttpContext context, string? email, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _accounts.SignInAsync(new SignInRequest(email, password), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded && result.SessionToken is { } token)
        {
            var options = Options;
            if (SessionCookie.Read(context, options) is { Length: <= SessionCookie.MaximumTokenLength } previous && previous != token)
            {
                await _accounts.SignOutAsync(previous, cancellationToken).ConfigureAwait(false);
                _sessions.Evict(previous);
            }

            SessionCookie.Write(context, options, token, result.ExpiresAt);
        }

        return result;
    }

    /// <summary>Ends the request's session, if any, on this node at once, and deletes the cookie. Same as <c>HttpContext.SignOutAsync()</c> with the TrendAccount scheme.</summary>
    /// <param name="context">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the session is ended.</returns>
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Options;
        if (SessionCookie.Read(context, options) is { Length: <= SessionCookie.MaximumTokenLength } token)
        {
            await _accounts.SignOutAsync(token, cancellationToken).ConfigureAwait(false);
            _sessions.Evict(token);
        }

        SessionCookie.Delete(context, options);
    }

    /// <summary>
    /// Changes the signed-in customer's password. On success every other session of the account ends (on this node at
    /// once, elsewhere within <see cref="TrendAccountAuthenticationOptions.SessionCacheDuration"/>) and the cookie is
    /// replaced by the fresh session the SDK issued.
    /// </summary>
    /// <param name="context">The request, carrying the session cookie.</param>
    /// <param name="currentPassword">The current password as typed.</param>
    /// <param name="newPassword">The new password as typed.</param>
    /// <param name="confirmation">The confirmation as typed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The SDK's result.</returns>
    public async Task<ChangePasswordResult> ChangePasswordAsync(HttpContext context, string? currentPassword, string? newPassword, string? confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Options;
        var token = SessionCookie.Read(context, options) is { Length: <= SessionCookie.MaximumTokenLength } value ? value : null;
        var result = await _accounts.ChangePasswordAsync(
            new ChangePasswordRequest(token, currentPassword, newPassword, confirmation), cancellationToken).ConfigureAwait(false);
        if (result.Succeeded && result.SessionToken is { } replacement)
        {
            if (Guid.TryParse(context.User.FindFirstValue(TrendAccountClaimTypes.AccountId), out var accountId))
            {
                _sessions.EvictAccount(accountId);
            }

            if (token is not null)
            {
                _sessions.Evict(token);
            }

            SessionCookie.Write(context, options, replacement, result.ExpiresAt);
        }

        return result;
    }

    /// <summary>Called after a successful password reset on this node: the reset ended every session of an account the result does not name, so the whole cache goes.</summary>
    internal void ForgetCachedSessions() => _sessions.Clear();
}
