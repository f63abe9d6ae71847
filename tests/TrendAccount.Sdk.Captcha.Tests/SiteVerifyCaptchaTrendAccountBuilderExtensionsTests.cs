using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Captcha.Tests;

public sealed class SiteVerifyCaptchaTrendAccountBuilderExtensionsTests
{
    [Fact]
    public void UseSiteVerifyCaptcha_AfterAnotherVerifier_ReplacesIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ICaptchaVerifier, TestCaptchaVerifier>();

        new TrendAccountBuilder(services).UseSiteVerifyCaptcha(Configure);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<SiteVerifyCaptchaVerifier>(provider.GetRequiredService<ICaptchaVerifier>());
        Assert.Single(provider.GetServices<ICaptchaVerifier>());
    }

    [Fact]
    public void UseSiteVerifyCaptcha_CalledTwice_RegistersOneVerifierAndOneValidator()
    {
        var services = new ServiceCollection().AddLogging();
        var builder = new TrendAccountBuilder(services);

        builder.UseSiteVerifyCaptcha(Configure).UseSiteVerifyCaptcha(options => options.Timeout = TimeSpan.FromSeconds(9));
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<ICaptchaVerifier>());
        Assert.Single(provider.GetServices<IValidateOptions<SiteVerifyCaptchaOptions>>());
        var options = provider.GetRequiredService<IOptions<SiteVerifyCaptchaOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(9), options.Timeout);
        Assert.Equal("s3cret", options.Secret);
    }

    [Fact]
    public void UseSiteVerifyCaptcha_Configuration_BindsEverySetting()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrendAccount:Captcha:VerifyUrl"] = "https://api.hcaptcha.com/siteverify",
            ["TrendAccount:Captcha:Secret"] = "from-config",
            ["TrendAccount:Captcha:Timeout"] = "00:00:02",
            ["TrendAccount:Captcha:ExpectedHostname"] = "shop.example",
        }).Build().GetSection(SiteVerifyCaptchaOptions.SectionName);
        var services = new ServiceCollection().AddLogging();

        new TrendAccountBuilder(services).UseSiteVerifyCaptcha(section);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SiteVerifyCaptchaOptions>>().Value;
        Assert.Equal(SiteVerifyEndpoints.HCaptcha, options.VerifyUrl);
        Assert.Equal("from-config", options.Secret);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
        Assert.Equal("shop.example", options.ExpectedHostname);
    }

    [Fact]
    public void UseSiteVerifyCaptcha_MissingSecret_StopsStartUpNamingTheSetting()
    {
        var services = new ServiceCollection().AddLogging();
        new TrendAccountBuilder(services).UseSiteVerifyCaptcha(options => options.VerifyUrl = SiteVerifyEndpoints.Turnstile);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TrendAccount:Captcha:Secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSiteVerifyCaptcha_NullArguments_Throw()
    {
        var builder = new TrendAccountBuilder(new ServiceCollection());

        Assert.Throws<ArgumentNullException>(() => builder.UseSiteVerifyCaptcha((Action<SiteVerifyCaptchaOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.UseSiteVerifyCaptcha((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => ((TrendAccountBuilder)null!).UseSiteVerifyCaptcha(Configure));
    }

    private static void Configure(SiteVerifyCaptchaOptions options)
    {
        options.VerifyUrl = SiteVerifyEndpoints.Turnstile;
        options.Secret = "s3cret";
    }
}
