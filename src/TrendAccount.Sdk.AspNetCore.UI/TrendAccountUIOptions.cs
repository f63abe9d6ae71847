namespace TrendAccount.Sdk.AspNetCore.UI;

/// <summary>What the pages of <c>TrendAccount.Sdk.AspNetCore.UI</c> show around the article's forms.</summary>
public sealed class TrendAccountUIOptions
{
    /// <summary>The default of <see cref="SiteName"/>: <c>Trend Micro Account</c>.</summary>
    public const string DefaultSiteName = "Trend Micro Account";

    /// <summary>Gets or sets the name after every page title (<c>Sign in – {SiteName}</c>).</summary>
    /// <value>Defaults to <see cref="DefaultSiteName"/>.</value>
    public string SiteName { get; set; } = DefaultSiteName;

    /// <summary>Gets or sets the footer text; none when <see langword="null"/> (the default).</summary>
    public string? FooterText { get; set; }

    /// <summary>Gets the host's own links, shown in the header after the article's three.</summary>
    public IList<TrendAccountUILink> NavigationLinks { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether the register page offers a form that records a product activation
    /// (what the activation backend does in production). Off by default; for development and demos only.
    /// </summary>
    public bool DevelopmentActivation { get; set; }

    /// <summary>Gets or sets a sentence shown in the development activation form, such as the seeded serial.</summary>
    public string? ActivationHint { get; set; }
}
