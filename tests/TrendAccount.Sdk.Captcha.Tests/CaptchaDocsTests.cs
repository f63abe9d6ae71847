using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Captcha.Tests;

/// <summary>The registration code of docs/captcha.md, compiled and run, and the "last Use… wins" convention.</summary>
public sealed class CaptchaDocsTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["TrendAccount:Hashing:WorkFactor"] = "4",
        ["TrendAccount:Hashing:AllowInsecureWorkFactorForTesting"] = "true",
        ["TrendAccount:Recovery:ResetLinkBaseUrl"] = "https://account.example.com/reset-password?token=",
        ["TrendAccount:Recovery:RegistrationLinkBaseUrl"] = "https://account.example.com/confirm-registration?token=",
        ["TrendAccount:Captcha:VerifyUrl"] = "https://challenges.cloudflare.com/turnstile/v0/siteverify",
        ["TrendAccount:Captcha:Secret"] = "from-the-secret-store",
        ["TrendAccount:Captcha:Timeout"] = "00:00:05",
        ["TrendAccount:Captcha:ExpectedHostname"] = "account.example.com",
        ["Turnstile:Secret"] = "from-the-secret-store",
    }).Build();

    [Fact]
    public void CaptchaDoc_ConfigurationSnippet_RegistersTheSiteVerifyVerifier()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration;

        // docs/captcha.md, "Site-verify providers"
        services.AddTrendAccount(configuration.GetSection(TrendAccountOptions.SectionName))
            .UseSiteVerifyCaptcha(configuration.GetSection(SiteVerifyCaptchaOptions.SectionName))
            .UseInMemoryStores()
            .UseMailer<RecordingAccountMailer>();

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SiteVerifyCaptchaVerifier>(provider.GetRequiredService<ICaptchaVerifier>());
        Assert.NotNull(provider.GetRequiredService<IAccountService>());
        Assert.Equal("account.example.com", provider.GetRequiredService<IOptions<SiteVerifyCaptchaOptions>>().Value.ExpectedHostname);
    }

    [Fact]
    public void CaptchaDoc_CodeSnippet_RegistersTheSiteVerifyVerifier()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration;

        // docs/captcha.md, "or in code"
        services.AddTrendAccount(configuration.GetSection(TrendAccountOptions.SectionName))
            .UseSiteVerifyCaptcha(options =>
            {
                options.VerifyUrl = SiteVerifyEndpoints.Turnstile;
                options.Secret = configuration["Turnstile:Secret"];
            });

        using var provider = services.BuildServiceProvider();
        Assert.IsType<SiteVerifyCaptchaVerifier>(provider.GetRequiredService<ICaptchaVerifier>());
    }

    [Fact]
    public void UseCaptchaVerifier_AfterUseSiteVerifyCaptcha_LastOneWins()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddTrendAccount()
            .UseSiteVerifyCaptcha(Configuration.GetSection(SiteVerifyCaptchaOptions.SectionName))
            .UseCaptchaVerifier<TestCaptchaVerifier>();

        using var provider = services.BuildServiceProvider();
        Assert.IsType<TestCaptchaVerifier>(Assert.Single(provider.GetServices<ICaptchaVerifier>()));
    }

    [Fact]
    public void UseSiteVerifyCaptcha_AfterUseCaptchaVerifier_LastOneWins()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddTrendAccount()
            .UseCaptchaVerifier<TestCaptchaVerifier>()
            .UseSiteVerifyCaptcha(Configuration.GetSection(SiteVerifyCaptchaOptions.SectionName));

        using var provider = services.BuildServiceProvider();
        Assert.IsType<SiteVerifyCaptchaVerifier>(Assert.Single(provider.GetServices<ICaptchaVerifier>()));
    }
}
