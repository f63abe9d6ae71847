namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>The site as it runs in production: HTTPS redirection, no development pages.</summary>
public sealed class ProductionSiteFixture : SampleSiteFixture
{
    public const int HttpsPort = 8443;

    protected override string EnvironmentName => "Production";

    protected override IEnumerable<string> ExtraArguments => [$"--https_port={HttpsPort}"];
}

/// <summary>The site switched by configuration to a site-verify captcha provider (Cloudflare Turnstile).</summary>
public sealed class SiteVerifySiteFixture : SampleSiteFixture
{
    public const string SiteKey = "1x00000000000000000000AA";

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--TrendAccount:Captcha:VerifyUrl=https://challenges.cloudflare.com/turnstile/v0/siteverify",
        "--TrendAccount:Captcha:Secret=not-a-real-secret",
        $"--Sample:CaptchaSiteKey={SiteKey}",
    ];
}
