namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>A link of <see cref="TrendAccountUIOptions.NavigationLinks"/>. Immutable.</summary>
public sealed class TrendAccountUILink
{
    /// <summary>Initializes a new instance of the <see cref="TrendAccountUILink"/> class.</summary>
    /// <param name="text">The link text.</param>
    /// <param name="href">The address.</param>
    /// <param name="cssClass">A CSS class for the link; optional.</param>
    public TrendAccountUILink(string text, string href, string? cssClass = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(href);
        Text = text;
        Href = href;
        CssClass = cssClass;
    }

    /// <summary>Gets the link text.</summary>
    public string Text { get; }

    /// <summary>Gets the address.</summary>
    public string Href { get; }

    /// <summary>Gets the CSS class, if any.</summary>
    public string? CssClass { get; }
}
