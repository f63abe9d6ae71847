namespace TrendAccount.Sdk.Samples.Web.Infrastructure;

/// <summary>
/// What the forms show for the captcha step: the sample's own character challenge (the default, offline), or the
/// widget of the site-verify provider configured in <c>TrendAccount:Captcha:VerifyUrl</c>, recognised by its host.
/// </summary>
public sealed class CaptchaWidget
{
    private CaptchaWidget(string? provider, string? scriptUrl, string? cssClass, string? responseField, string? siteKey, string[] scriptSources, string[] frameSources)
    {
        Provider = provider;
        ScriptUrl = scriptUrl;
        CssClass = cssClass;
        ResponseField = responseField;
        SiteKey = siteKey;
        ScriptSources = scriptSources;
        FrameSources = frameSources;
    }

    /// <summary>Gets the self-hosted character challenge.</summary>
    public static CaptchaWidget SelfHosted { get; } = new(null, null, null, null, null, [], []);

    public bool IsSelfHosted => Provider is null;

    public string? Provider { get; }

    public string? ScriptUrl { get; }

    public string? CssClass { get; }

    /// <summary>Gets the form field the provider's widget fills with its response token.</summary>
    public string? ResponseField { get; }

    public string? SiteKey { get; }

    public IReadOnlyList<string> ScriptSources { get; }

    public IReadOnlyList<string> FrameSources { get; }

    /// <summary>Chooses the widget for a verify URL and site key.</summary>
    public static CaptchaWidget For(Uri verifyUrl, string? siteKey)
    {
        ArgumentNullException.ThrowIfNull(verifyUrl);
        if (string.IsNullOrWhiteSpace(siteKey))
        {
            throw new InvalidOperationException("Sample:CaptchaSiteKey is required when TrendAccount:Captcha:VerifyUrl is set: the public site key of the captcha widget.");
        }

        var host = verifyUrl.Host;
        if (host.EndsWith("cloudflare.com", StringComparison.OrdinalIgnoreCase))
        {
            return new("Cloudflare Turnstile", "https://challenges.cloudflare.com/turnstile/v0/api.js", "cf-turnstile", "cf-turnstile-response", siteKey,
                ["https://challenges.cloudflare.com"], ["https://challenges.cloudflare.com"]);
        }

        if (host.EndsWith("hcaptcha.com", StringComparison.OrdinalIgnoreCase))
        {
            return new("hCaptcha", "https://js.hcaptcha.com/1/api.js", "h-captcha", "h-captcha-response", siteKey,
                ["https://hcaptcha.com", "https://*.hcaptcha.com"], ["https://hcaptcha.com", "https://*.hcaptcha.com"]);
        }

        if (host.EndsWith("google.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith("recaptcha.net", StringComparison.OrdinalIgnoreCase))
        {
            return new("reCAPTCHA", "https://www.google.com/recaptcha/api.js", "g-recaptcha", "g-recaptcha-response", siteKey,
                ["https://www.google.com", "https://www.gstatic.com"], ["https://www.google.com"]);
        }

        // Any other site-verify endpoint (a local stub, a proxy): assume the Turnstile field name.
        return new("site-verify", null, null, "cf-turnstile-response", siteKey, [], []);
    }
}
