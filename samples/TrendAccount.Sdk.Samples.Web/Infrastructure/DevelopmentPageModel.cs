using System.Net;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>
/// A page for the developer at the keyboard: it answers only in the Development environment and only a caller on this
/// machine (a loopback connection carrying no forwarded header, so a local reverse proxy does not make everyone
/// local). Anyone else gets 404, as if the page did not exist.
/// </summary>
public abstract class DevelopmentPageModel : PageModel
{
    private static readonly string[] ForwardedHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"];

    /// <summary>Whether a request may see the development pages.</summary>
    public static bool Allows(HttpContext context, bool development)
    {
        ArgumentNullException.ThrowIfNull(context);
        return development
            && context.Connection.RemoteIpAddress is { } remote
            && IPAddress.IsLoopback(remote)
            && !ForwardedHeaders.Any(context.Request.Headers.ContainsKey);
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!Allows(HttpContext, HttpContext.RequestServices.GetRequiredService<SampleSettings>().Development))
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }
}
