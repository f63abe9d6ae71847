namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>The cookie that holds the SDK's session token after "Sign In".</summary>
public static class SessionCookie
{
    // __Host- pins the cookie to this host, path / and https; plain http in Development cannot carry it.
    private const string SecureName = "__Host-TrendAccount.Session";
    private const string DevelopmentName = "TrendAccount.Session";

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[Name(request)];
    }

    public static void Write(HttpResponse response, string token, DateTimeOffset? expires)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Name(response.HttpContext.Request), token, new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
    }

    public static void Delete(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name(response.HttpContext.Request), new CookieOptions { Path = "/", Secure = response.HttpContext.Request.IsHttps });
    }

    private static string Name(HttpRequest request) => request.IsHttps ? SecureName : DevelopmentName;
}
