using Microsoft.AspNetCore.Http;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Reads, writes and deletes the session cookie as <see cref="TrendAccountAuthenticationOptions.Cookie"/> describes it.</summary>
internal static class SessionCookie
{
    /// <summary>Longer values are not session tokens (the SDK's are 43 characters): refused without a store call.</summary>
    internal const int MaximumTokenLength = 256;

    public static string? Read(HttpContext context, TrendAccountAuthenticationOptions options)
    {
        var value = context.Request.Cookies[options.Cookie.Name!];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static void Write(HttpContext context, TrendAccountAuthenticationOptions options, string token, DateTimeOffset? expires)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var cookie = options.Cookie.Build(context);
        cookie.Expires = expires;
        context.Response.Cookies.Append(options.Cookie.Name!, token, cookie);
    }

    public static void Delete(HttpContext context, TrendAccountAuthenticationOptions options)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var cookie = options.Cookie.Build(context);
        cookie.Expires = null;
        context.Response.Cookies.Delete(options.Cookie.Name!, cookie);
    }
}
