namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>Response headers every page gets; a page may tighten <c>Referrer-Policy</c> (the change-password page does).</summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "Referrer-Policy";

    public static IApplicationBuilder UseSampleSecurityHeaders(this IApplicationBuilder app, CaptchaWidget widget)
    {
        ArgumentNullException.ThrowIfNull(widget);
        var scriptSources = widget.ScriptSources.Count == 0 ? "'none'" : string.Join(' ', widget.ScriptSources);
        var frameSources = widget.FrameSources.Count == 0 ? "'none'" : string.Join(' ', widget.FrameSources);
        var policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; " +
            $"frame-ancestors 'none'; script-src {scriptSources}; frame-src {frameSources}; connect-src 'self' {string.Join(' ', widget.FrameSources)}".TrimEnd();
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers[ReferrerPolicy] = "same-origin";
            await next(context);
        });
    }
}
