using TrendAccount.Sdk.AspNetCore.UI;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the response headers the account pages are written for.</summary>
public static class TrendAccountSecurityHeadersApplicationBuilderExtensions
{
    /// <summary>
    /// Adds to every response a content security policy that allows no script, frame or foreign resource unless a
    /// captcha widget needs it (<c>default-src 'none'</c>, styles and images from this site, forms posting only here,
    /// no framing), <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c> and
    /// <c>Referrer-Policy: same-origin</c>. The reset-link page tightens the referrer policy to <c>no-referrer</c>
    /// itself, because its address holds the token.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">Adds a captcha widget's sources; optional.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseTrendAccountSecurityHeaders(this IApplicationBuilder app, Action<TrendAccountSecurityHeadersOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = new TrendAccountSecurityHeadersOptions();
        configure?.Invoke(options);
        var scriptSources = options.ScriptSources.Count == 0 ? "'none'" : string.Join(' ', options.ScriptSources);
        var frameSources = options.FrameSources.Count == 0 ? "'none'" : string.Join(' ', options.FrameSources);
        var policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; " +
            $"frame-ancestors 'none'; script-src {scriptSources}; frame-src {frameSources}; connect-src 'self' {string.Join(' ', options.FrameSources)}".TrimEnd();
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            await next(context).ConfigureAwait(false);
        });
    }
}
