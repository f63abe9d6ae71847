using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Checks <see cref="TrendAccountAuthenticationOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class TrendAccountAuthenticationOptionsValidator : IValidateOptions<TrendAccountAuthenticationOptions>
{
    private const string HostPrefix = "__Host-";
    private const string SecurePrefix = "__Secure-";

    public ValidateOptionsResult Validate(string? name, TrendAccountAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateCookie(options.Cookie, "Cookie", failures);
        ValidateCookie(options.DeviceCookie, "DeviceCookie", failures);
        if (options.DeviceCookie.Name is { } deviceName && string.Equals(deviceName, options.Cookie.Name, StringComparison.Ordinal))
        {
            failures.Add("TrendAccount authentication: DeviceCookie.Name must differ from Cookie.Name.");
        }

        if (options.DeviceCookie.Expiration is { } deviceExpiration && deviceExpiration <= TimeSpan.Zero)
        {
            failures.Add($"TrendAccount authentication: DeviceCookie.Expiration ({deviceExpiration}) must be positive, or unset to follow the device token's lifetime.");
        }

        var cookie = options.Cookie;
        if (cookie.Expiration is not null)
        {
            failures.Add("TrendAccount authentication: Cookie.Expiration must stay unset; the cookie follows the session's expiry.");
        }

        if (options.SessionCacheDuration < TimeSpan.Zero || options.SessionCacheDuration > TrendAccountAuthenticationOptions.MaximumSessionCacheDuration)
        {
            failures.Add($"TrendAccount authentication: SessionCacheDuration ({options.SessionCacheDuration}) must be between zero (off) and {TrendAccountAuthenticationOptions.MaximumSessionCacheDuration}.");
        }

        if (options.SessionCacheSizeLimit < 1)
        {
            failures.Add($"TrendAccount authentication: SessionCacheSizeLimit ({options.SessionCacheSizeLimit}) must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ReturnUrlParameter))
        {
            failures.Add("TrendAccount authentication: ReturnUrlParameter is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCookie(CookieBuilder cookie, string setting, List<string> failures)
    {
        var cookieName = cookie.Name;
        if (string.IsNullOrWhiteSpace(cookieName))
        {
            failures.Add($"TrendAccount authentication: {setting}.Name is required.");
        }
        else if (cookieName.StartsWith(HostPrefix, StringComparison.Ordinal))
        {
            // The browser rules for the prefix: Secure, Path=/, no Domain. A cookie breaking them is silently dropped.
            if (cookie.SecurePolicy != CookieSecurePolicy.Always || cookie.Path != "/" || cookie.Domain is not null)
            {
                failures.Add($"TrendAccount authentication: the cookie {cookieName} has the {HostPrefix} prefix, so {setting}.SecurePolicy must be Always, {setting}.Path \"/\" and {setting}.Domain unset (browsers drop it otherwise). Choose another {setting}.Name for plain http.");
            }
        }
        else if (cookieName.StartsWith(SecurePrefix, StringComparison.Ordinal) && cookie.SecurePolicy != CookieSecurePolicy.Always)
        {
            failures.Add($"TrendAccount authentication: the cookie {cookieName} has the {SecurePrefix} prefix, so {setting}.SecurePolicy must be Always.");
        }
    }
}
