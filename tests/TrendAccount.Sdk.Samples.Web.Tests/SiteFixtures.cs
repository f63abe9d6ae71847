namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>The site as it runs in production: HTTPS redirection, no development pages.</summary>
public sealed class ProductionSiteFixture : SampleSiteFixture
{
    public const int HttpsPort = 8443;

    protected override string EnvironmentName => "Production";

    /// <summary>A device-token key for the test (any 32 bytes; a real site keeps its own secret).</summary>
    public static readonly string DeviceTokenKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    protected override IEnumerable<string> ExtraArguments =>
    [
        $"--https_port={HttpsPort}",
        // What Production requires of the sample: a real mailer, a device-token key, and the sample captcha allowed explicitly.
        "--TrendAccount:Smtp:Host=127.0.0.1",
        "--TrendAccount:Smtp:Port=2525",
        "--TrendAccount:Smtp:TlsMode=None",
        "--TrendAccount:Smtp:FromAddress=account@example.com",
        "--TrendAccount:SignIn:DeviceTokenKey=" + DeviceTokenKey,
        "--Sample:Captcha:AllowOutsideDevelopment=true",
    ];
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

/// <summary>A site of its own for a test that moves the clock.</summary>
public sealed class ClockMovingSiteFixture : SampleSiteFixture
{
}
