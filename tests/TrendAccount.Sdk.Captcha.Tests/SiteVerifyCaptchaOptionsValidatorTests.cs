namespace TrendAccount.Sdk.Captcha.Tests;

public sealed class SiteVerifyCaptchaOptionsValidatorTests
{
    private readonly SiteVerifyCaptchaOptionsValidator _validator = new();

    [Theory]
    [InlineData("https://challenges.cloudflare.com/turnstile/v0/siteverify")]
    [InlineData("http://127.0.0.1:5071/siteverify")]
    [InlineData("http://[::1]:5071/siteverify")]
    [InlineData("http://localhost:5071/siteverify")]
    public void Validate_AcceptedUrl_Succeeds(string url)
    {
        var result = _validator.Validate(null, Valid(new Uri(url)));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_KnownEndpoints_Succeed()
    {
        Assert.True(_validator.Validate(null, Valid(SiteVerifyEndpoints.Recaptcha)).Succeeded);
        Assert.True(_validator.Validate(null, Valid(SiteVerifyEndpoints.HCaptcha)).Succeeded);
        Assert.True(_validator.Validate(null, Valid(SiteVerifyEndpoints.Turnstile)).Succeeded);
    }

    [Theory]
    [InlineData("http://captcha.example/siteverify", "must use https")]
    [InlineData("ftp://captcha.example/siteverify", "must use https")]
    [InlineData("/siteverify", "absolute")]
    [InlineData("https://user:pw@captcha.example/siteverify", "user information")]
    public void Validate_RejectedUrl_FailsNamingVerifyUrl(string url, string reason)
    {
        var result = _validator.Validate(null, Valid(new Uri(url, UriKind.RelativeOrAbsolute)));

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("TrendAccount:Captcha:VerifyUrl", failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Empty_NamesVerifyUrlAndSecret()
    {
        var result = _validator.Validate(null, new SiteVerifyCaptchaOptions());

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("TrendAccount:Captcha:VerifyUrl is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("TrendAccount:Captcha:Secret is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(61)]
    public void Validate_TimeoutOutOfRange_FailsNamingTimeout(int seconds)
    {
        var options = Valid(SiteVerifyEndpoints.Turnstile);
        options.Timeout = TimeSpan.FromSeconds(seconds);

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("TrendAccount:Captcha:Timeout", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankExpectedHostname_FailsNamingIt()
    {
        var options = Valid(SiteVerifyEndpoints.Turnstile);
        options.ExpectedHostname = " ";

        var failure = Assert.Single(_validator.Validate(null, options).Failures!);

        Assert.StartsWith("TrendAccount:Captcha:ExpectedHostname", failure, StringComparison.Ordinal);
    }

    private static SiteVerifyCaptchaOptions Valid(Uri url) => new() { VerifyUrl = url, Secret = "s3cret" };
}
