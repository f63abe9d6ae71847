using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Options of the TrendAccount authentication scheme: the session cookie, the session-check cache and the sign-in page.</summary>
/// <remarks>Validated when the host starts; a bad value stops it with a message naming the setting.</remarks>
public sealed class TrendAccountAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The default of <see cref="SessionCacheSizeLimit"/>: 10,000 sessions.</summary>
    public const int DefaultSessionCacheSizeLimit = 10_000;

    /// <summary>The longest <see cref="SessionCacheDuration"/> accepted: one minute, the longest a revoked session may still work on another node.</summary>
    public static readonly TimeSpan MaximumSessionCacheDuration = TimeSpan.FromMinutes(1);

    /// <summary>The default of <see cref="SessionCacheDuration"/>: zero, no cache (every request checks the store).</summary>
    public static readonly TimeSpan DefaultSessionCacheDuration = TimeSpan.Zero;

    /// <summary>
    /// Gets the session cookie's settings. Defaults: name <see cref="TrendAccountAuthenticationDefaults.CookieName"/>,
    /// <c>HttpOnly</c>, <c>Secure</c> always, <c>SameSite=Lax</c>, <c>Path=/</c>, essential (not subject to consent).
    /// </summary>
    /// <remarks>
    /// The cookie's lifetime is not configured here: it follows the session's idle expiry and is renewed whenever the
    /// handler checks the session against the store. A development host on plain http sets another name (without the
    /// <c>__Host-</c> prefix) and <see cref="CookieSecurePolicy.SameAsRequest"/>: browsers refuse a <c>__Host-</c>
    /// cookie that is not <c>Secure</c>.
    /// </remarks>
    public CookieBuilder Cookie { get; } = new()
    {
        Name = TrendAccountAuthenticationDefaults.CookieName,
        HttpOnly = true,
        SecurePolicy = CookieSecurePolicy.Always,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };

    /// <summary>
    /// Gets the device cookie's settings: it carries the device token the SDK issues at a successful sign-in
    /// (<see cref="SignInResult.DeviceToken"/>) and is sent back with each sign-in, so a device the customer signed in
    /// from keeps its own failure budget while others spend the address's. Defaults: name
    /// <see cref="TrendAccountAuthenticationDefaults.DeviceCookieName"/>, <c>HttpOnly</c>, <c>Secure</c> always,
    /// <c>SameSite=Lax</c>, <c>Path=/</c>, essential.
    /// </summary>
    /// <remarks>
    /// The cookie lives as long as the token (<see cref="SignInOptions.DeviceTokenLifetime"/>, 180 days by default) unless
    /// <see cref="CookieBuilder.Expiration"/> is set here. Sign-out does not delete it: it marks the device, not the session.
    /// A development host on plain http sets another name, as for <see cref="Cookie"/>.
    /// </remarks>
    public CookieBuilder DeviceCookie { get; } = new()
    {
        Name = TrendAccountAuthenticationDefaults.DeviceCookieName,
        HttpOnly = true,
        SecurePolicy = CookieSecurePolicy.Always,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };

    /// <summary>Gets or sets how long a successful session check is reused on this node without asking the store.</summary>
    /// <value>Defaults to <see cref="DefaultSessionCacheDuration"/> (zero: off); at most <see cref="MaximumSessionCacheDuration"/>.</value>
    /// <remarks>
    /// A sign-out, password change or password reset made through this package evicts the affected sessions on the
    /// node that made it at once. Another node that cached the session keeps accepting it for at most this long: that
    /// is the staleness bound a multi-node host accepts in exchange for fewer store reads. A cache hit does not slide
    /// the session's idle expiry; the next check against the store does.
    /// </remarks>
    public TimeSpan SessionCacheDuration { get; set; } = DefaultSessionCacheDuration;

    /// <summary>Gets or sets the most sessions the cache holds; past it, new checks are not cached until entries expire.</summary>
    /// <value>Defaults to <see cref="DefaultSessionCacheSizeLimit"/> (10,000).</value>
    public int SessionCacheSizeLimit { get; set; } = DefaultSessionCacheSizeLimit;

    /// <summary>
    /// Gets or sets the sign-in page a browser is redirected to when a page needs a signed-in customer, with the
    /// original address in <see cref="ReturnUrlParameter"/>. Empty (the default): the challenge answers 401.
    /// </summary>
    /// <remarks>Only requests that accept <c>text/html</c> are redirected; API calls always get 401.</remarks>
    public PathString LoginPath { get; set; }

    /// <summary>Gets or sets the query parameter that carries the original address to <see cref="LoginPath"/>.</summary>
    /// <value>Defaults to <c>ReturnUrl</c>.</value>
    public string ReturnUrlParameter { get; set; } = "ReturnUrl";
}
