namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>
/// What <c>UseTrendAccountSecurityHeaders()</c> admits beyond the pages' own needs: the pages use no script, no
/// frame and only this site's stylesheet, so only a captcha widget adds sources.
/// </summary>
public sealed class TrendAccountSecurityHeadersOptions
{
    /// <summary>Gets the script origins a captcha widget loads from (<c>https://challenges.cloudflare.com</c>); none by default.</summary>
    public IList<string> ScriptSources { get; } = [];

    /// <summary>Gets the frame origins a captcha widget shows; none by default.</summary>
    public IList<string> FrameSources { get; } = [];
}
