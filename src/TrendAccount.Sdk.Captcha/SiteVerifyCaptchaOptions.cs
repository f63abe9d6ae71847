namespace TrendAccount.Sdk.Captcha;

/// <summary>
/// Settings of <see cref="SiteVerifyCaptchaVerifier"/>, validated when the host starts. Bind them from the
/// <see cref="SectionName"/> section by convention.
/// </summary>
public sealed class SiteVerifyCaptchaOptions
{
    /// <summary>The configuration section name used by convention: <c>TrendAccount:Captcha</c>.</summary>
    public const string SectionName = "TrendAccount:Captcha";

    /// <summary>The default time the verify call may take before the captcha counts as not verified: 5 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest <see cref="Timeout"/> accepted: 1 minute.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the provider's verify endpoint, for example <see cref="SiteVerifyEndpoints.Turnstile"/>.
    /// Must be an absolute <c>https</c> URL; <c>http</c> is accepted only for a loopback host (local test stubs).
    /// </summary>
    /// <value>Required; no default.</value>
    public Uri? VerifyUrl { get; set; }

    /// <summary>Gets or sets the secret key the provider issued for the site. It is sent to the provider and never logged.</summary>
    /// <value>Required; no default.</value>
    public string? Secret { get; set; }

    /// <summary>
    /// Gets or sets how long the verify call may take, connection included. When it takes longer the captcha counts as
    /// not verified.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultTimeout"/> (5 seconds); must be positive and at most <see cref="MaxTimeout"/>.</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Gets or sets the host name the provider must report the captcha was solved on (the answer's <c>hostname</c>),
    /// compared without regard to case. Set it when the provider's site key is not already restricted to your domains.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the host name is not checked.</value>
    public string? ExpectedHostname { get; set; }
}
