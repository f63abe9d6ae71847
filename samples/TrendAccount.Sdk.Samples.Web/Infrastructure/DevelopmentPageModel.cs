using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>A page that exists only in the Development environment; anywhere else it answers 404.</summary>
public abstract class DevelopmentPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpContext.RequestServices.GetRequiredService<SampleSettings>().Development)
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }
}
