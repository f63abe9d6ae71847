namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Names the TrendAccount authentication scheme and its cookie use by default.</summary>
public static class TrendAccountAuthenticationDefaults
{
    /// <summary>The scheme name <see cref="Microsoft.Extensions.DependencyInjection.TrendAccountAuthenticationServiceCollectionExtensions.AddTrendAccountAuthentication"/> registers: <c>TrendAccount</c>.</summary>
    public const string AuthenticationScheme = "TrendAccount";

    /// <summary>
    /// The session cookie's default name: <c>__Host-TrendAccount.Session</c>. Browsers accept a <c>__Host-</c> cookie
    /// only when it is <c>Secure</c>, has <c>Path=/</c> and no <c>Domain</c>, so a sibling subdomain or a plain-http
    /// page can neither set nor overwrite it.
    /// </summary>
    public const string CookieName = "__Host-TrendAccount.Session";

    /// <summary>
    /// The default name of the device cookie (<see cref="TrendAccountAuthenticationOptions.DeviceCookie"/>), which
    /// carries the SDK's device token: it marks a device the customer signed in from, outlives sign-out, and gives
    /// that device its own failure budget.
    /// </summary>
    public const string DeviceCookieName = "__Host-TrendAccount.Device";
}
