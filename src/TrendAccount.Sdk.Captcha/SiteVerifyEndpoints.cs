namespace TrendAccount.Sdk.Captcha;

/// <summary>The verify endpoints of the providers that share the site-verify protocol, for <see cref="SiteVerifyCaptchaOptions.VerifyUrl"/>.</summary>
public static class SiteVerifyEndpoints
{
    /// <summary>Google reCAPTCHA (v2 and v3): <c>https://www.google.com/recaptcha/api/siteverify</c>.</summary>
    public static Uri Recaptcha { get; } = new("https://www.google.com/recaptcha/api/siteverify");

    /// <summary>hCaptcha: <c>https://api.hcaptcha.com/siteverify</c>.</summary>
    public static Uri HCaptcha { get; } = new("https://api.hcaptcha.com/siteverify");

    /// <summary>Cloudflare Turnstile: <c>https://challenges.cloudflare.com/turnstile/v0/siteverify</c>.</summary>
    public static Uri Turnstile { get; } = new("https://challenges.cloudflare.com/turnstile/v0/siteverify");
}
