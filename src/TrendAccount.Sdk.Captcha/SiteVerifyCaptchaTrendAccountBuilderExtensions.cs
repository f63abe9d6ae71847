using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk;
using TrendAccount.Sdk.Captcha;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SiteVerifyCaptchaVerifier"/> as the SDK's <see cref="ICaptchaVerifier"/>.</summary>
public static class SiteVerifyCaptchaTrendAccountBuilderExtensions
{
    /// <summary>
    /// Checks captchas with the provider's site-verify endpoint (reCAPTCHA, hCaptcha, Cloudflare Turnstile), replacing
    /// any <see cref="ICaptchaVerifier"/> registered before (every <c>Use…</c> replaces; the last one wins). The
    /// options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="configure">Sets the options; calling the method again adds to the earlier settings.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UseSiteVerifyCaptcha(this TrendAccountBuilder builder, Action<SiteVerifyCaptchaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Register(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Checks captchas with the provider's site-verify endpoint, with options bound from a configuration section
    /// (<see cref="SiteVerifyCaptchaOptions.SectionName"/> by convention), replacing any <see cref="ICaptchaVerifier"/>
    /// registered before. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="section">The section holding <c>VerifyUrl</c>, <c>Secret</c>, <c>Timeout</c> and <c>ExpectedHostname</c>.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UseSiteVerifyCaptcha(this TrendAccountBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        Register(builder.Services).Bind(section);
        return builder;
    }

    private static OptionsBuilder<SiteVerifyCaptchaOptions> Register(IServiceCollection services)
    {
        services.AddHttpClient(SiteVerifyCaptchaVerifier.HttpClientName)
            .ConfigureHttpClient(static client => client.MaxResponseContentBufferSize = SiteVerifyCaptchaVerifier.MaxAnswerBytes);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiteVerifyCaptchaOptions>, SiteVerifyCaptchaOptionsValidator>());
        services.RemoveAll<ICaptchaVerifier>();
        services.AddSingleton<ICaptchaVerifier, SiteVerifyCaptchaVerifier>();
        return services.AddOptions<SiteVerifyCaptchaOptions>().ValidateOnStart();
    }
}
