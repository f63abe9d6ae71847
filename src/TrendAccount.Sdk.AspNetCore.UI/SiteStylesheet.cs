using Microsoft.AspNetCore.Http;

namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>Serves the one stylesheet, embedded in the assembly (so the site works wherever it is hosted from).</summary>
internal static class SiteStylesheet
{
    private static readonly Lazy<byte[]> Content = new(static () =>
    {
        using var stream = typeof(SiteStylesheet).Assembly.GetManifestResourceStream("TrendAccount.Sdk.AspNetCore.UI.site.css")
            ?? throw new InvalidOperationException("The embedded stylesheet site.css is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve() => Results.Bytes(Content.Value, "text/css; charset=utf-8");
}
