using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Captcha;

/// <summary>Checks <see cref="SiteVerifyCaptchaOptions"/> at start-up; each failure names its setting.</summary>
internal sealed class SiteVerifyCaptchaOptionsValidator : IValidateOptions<SiteVerifyCaptchaOptions>
{
    private const string Prefix = SiteVerifyCaptchaOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SiteVerifyCaptchaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var url = options.VerifyUrl;
        if (url is null)
        {
            failures.Add($"{Prefix}VerifyUrl is required: the provider's site-verify endpoint, for example {SiteVerifyEndpoints.Turnstile}.");
        }
        else if (!url.IsAbsoluteUri)
        {
            failures.Add($"{Prefix}VerifyUrl ({url}) must be an absolute URL.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            failures.Add($"{Prefix}VerifyUrl ({url}) must use https; http is accepted only for a loopback host.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{Prefix}VerifyUrl ({url}) must use https.");
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            failures.Add($"{Prefix}VerifyUrl must not carry user information; the secret goes in {Prefix}Secret.");
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{Prefix}Secret is required: the secret key the captcha provider issued for this site.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > SiteVerifyCaptchaOptions.MaxTimeout)
        {
            failures.Add($"{Prefix}Timeout ({options.Timeout}) must be positive and at most {SiteVerifyCaptchaOptions.MaxTimeout}.");
        }

        if (options.ExpectedHostname is { } host && string.IsNullOrWhiteSpace(host))
        {
            failures.Add($"{Prefix}ExpectedHostname must be a host name or left unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
