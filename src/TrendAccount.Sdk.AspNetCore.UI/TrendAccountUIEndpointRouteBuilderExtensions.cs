using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TrendAccount.Sdk.AspNetCore.UI;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the support article's pages.</summary>
public static class TrendAccountUIEndpointRouteBuilderExtensions
{
    /// <summary>The path of the pages' stylesheet: <c>/site.css</c>.</summary>
    public const string StylesheetPath = "/site.css";

    /// <summary>
    /// Maps every Razor page — the package's and the host's own, so do not call <c>MapRazorPages()</c> as well — and
    /// the pages' stylesheet at <see cref="StylesheetPath"/>, served from the assembly.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The pages' conventions, to add authorization or other metadata.</returns>
    public static PageActionEndpointConventionBuilder MapTrendAccountUI(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(StylesheetPath, SiteStylesheet.Serve).ExcludeFromDescription();
        return endpoints.MapRazorPages();
    }
}
