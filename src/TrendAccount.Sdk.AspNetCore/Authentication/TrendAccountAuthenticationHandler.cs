using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// The TrendAccount scheme: turns the session cookie into a <see cref="ClaimsPrincipal"/> through
/// <see cref="IAccountService.ValidateSessionAsync"/> (optionally cached), renews the cookie as the session slides,
/// and ends the session on <c>HttpContext.SignOutAsync()</c>.
/// </summary>
/// <remarks>
/// There is no <c>SignInAsync(principal)</c>: a session exists only after the SDK checked a password, so sign-in goes
/// through <see cref="TrendAccountSignInManager.SignInAsync"/>.
/// </remarks>
internal sealed class TrendAccountAuthenticationHandler : AuthenticationHandler<TrendAccountAuthenticationOptions>, IAuthenticationSignOutHandler
{
    private readonly SessionCache _sessions;
    private readonly IAccountService _accounts;

    public TrendAccountAuthenticationHandler(
        IOptionsMonitor<TrendAccountAuthenticationOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        SessionCache sessions,
        IAccountService accounts)
        : base(options, logger, encoder)
    {
        _sessions = sessions;
        _accounts = accounts;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = SessionCookie.Read(Context, Options);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length > SessionCookie.MaximumTokenLength)
        {
            SessionCookie.Delete(Context, Options);
            return AuthenticateResult.Fail("The session cookie is not a session token.");
        }

        var (session, fromStore) = await _sessions.ValidateAsync(token, Options.SessionCacheDuration, Options.SessionCacheSizeLimit, Context.RequestAborted).ConfigureAwait(false);
        if (session is null)
        {
            // Unknown, expired, revoked or issued before a credential change: drop the dead cookie.
            SessionCookie.Delete(Context, Options);
            return AuthenticateResult.Fail("The session is unknown, expired or revoked.");
        }

        if (fromStore)
        {
            // The store slid the idle expiry: the cookie follows it (never past the absolute expiry, which the SDK caps).
            SessionCookie.Write(Context, Options, token, session.ExpiresAt);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(TrendAccountClaimTypes.AccountId, session.AccountId.ToString(), ClaimValueTypes.String, ClaimsIssuer),
                new Claim(TrendAccountClaimTypes.Email, session.Email, ClaimValueTypes.Email, ClaimsIssuer),
                new Claim(ClaimTypes.Name, session.Email, ClaimValueTypes.String, ClaimsIssuer),
                new Claim(TrendAccountClaimTypes.SessionExpiresAt, session.ExpiresAt.ToString("O", CultureInfo.InvariantCulture), ClaimValueTypes.DateTime, ClaimsIssuer),
                new Claim(TrendAccountClaimTypes.SessionAbsoluteExpiresAt, session.AbsoluteExpiresAt.ToString("O", CultureInfo.InvariantCulture), ClaimValueTypes.DateTime, ClaimsIssuer),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        var properties = new AuthenticationProperties { IssuedUtc = session.IssuedAt, ExpiresUtc = session.ExpiresAt, AllowRefresh = true };
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Options.LoginPath.HasValue && AcceptsHtml(Request))
        {
            var returnUrl = properties.RedirectUri ?? OriginalPathBase + Request.Path + Request.QueryString;
            var location = OriginalPathBase + Options.LoginPath + QueryString.Create(Options.ReturnUrlParameter, returnUrl);
            Response.Redirect(location);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public async Task SignOutAsync(AuthenticationProperties? properties)
    {
        var token = SessionCookie.Read(Context, Options);
        if (token is not null && token.Length <= SessionCookie.MaximumTokenLength)
        {
            await _accounts.SignOutAsync(token, Context.RequestAborted).ConfigureAwait(false);
            _sessions.Evict(token);
        }

        SessionCookie.Delete(Context, Options);
    }

    private static bool AcceptsHtml(HttpRequest request)
    {
        var accept = request.Headers[HeaderNames.Accept].ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
