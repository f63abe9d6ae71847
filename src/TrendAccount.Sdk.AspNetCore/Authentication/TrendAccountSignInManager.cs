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
    /// Signs a customer in with the email address and password as typed, as the request's client
    /// (<see cref="HttpContextClientExtensions.GetTrendAccountClient"/>) and device (the device token in
    /// <see cref="TrendAccountAuthenticationOptions.DeviceCookie"/>). On success the session cookie is set (a session
    /// the request already carried is ended) and the device cookie receives the SDK's fresh device token; on failure
    /// nothing changes. <see cref="SignInStatus.CaptchaRequired"/> asks for a captcha: send its response with the next
    /// attempt. <see cref="SignInStatus.TryAgainLater"/> carries <see cref="SignInResult.RetryAfter"/> (map it to 503 or
    /// 429 with <c>Retry-After</c>).
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="captchaResponse">The captcha answer or widget response, when the page showed a captcha; otherwise <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The SDK's result; its session token is already in the cookie.</returns>
    public async Task<SignInResult> SignInAsync(HttpContext context, string? email, string? password, string? captchaResponse = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Options;
        var request = new SignInRequest(email, password)
        {
            Client = context.GetTrendAccountClient(),
            DeviceToken = DeviceCookie.Read(context, options),
            CaptchaResponse = string.IsNullOrEmpty(captchaResponse) ? null : captchaResponse,
        };
        var result = await _accounts.SignInAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded && result.SessionToken is { } token)
        {
            if (SessionCookie.Read(context, options) is { Length: <= SessionCookie.MaximumTokenLength } previous && previous != token)
            {
                await _accounts.SignOutAsync(previous, cancellationToken).ConfigureAwait(false);
                _sessions.Evict(previous);
            }

            SessionCookie.Write(context, options, token, result.ExpiresAt);
        }

        if (result.DeviceToken is { } device)
        {
            DeviceCookie.Write(context, options, device);
        }

        return result;
    }

    /// <summary>
    /// Reads the device token the request's device cookie (<see cref="TrendAccountAuthenticationOptions.DeviceCookie"/>)
    /// carries, for the flows that honour a trusted device besides sign-in: pass it in
    /// <see cref="ForgotPasswordRequest.DeviceToken"/>, so the owner's device gets its reset mail within its own budget
    /// even when others have spent the address's window. The SDK checks the token; this only reads the cookie.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The cookie's value, or <see langword="null"/> when there is none (or it is too long to be a token).</returns>
    public string? GetDeviceToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DeviceCookie.Read(context, Options);
    }

    /// <summary>Ends the request's session, if any, on this node at once, and deletes the session cookie (the device cookie stays: it marks the device, not the session). Same as <c>HttpContext.SignOutAsync()</c> with the TrendAccount scheme.</summary>
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
