using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.PwnedPasswords;

/// <summary>Checks <see cref="PwnedPasswordsOptions"/> at start-up; each failure names its setting.</summary>
internal sealed class PwnedPasswordsOptionsValidator : IValidateOptions<PwnedPasswordsOptions>
{
    private const string Prefix = PwnedPasswordsOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PwnedPasswordsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.OfflineDirectory is { } directory)
        {
            if (string.IsNullOrWhiteSpace(directory))
            {
                failures.Add($"{Prefix}OfflineDirectory must be a folder of range files or left unset.");
            }
            else if (!Directory.Exists(directory))
            {
                failures.Add($"{Prefix}OfflineDirectory ({directory}) does not exist: it must be a folder of range files named like ABCDE.txt.");
            }
        }
        else
        {
            ValidateBaseUrl(options.BaseUrl, failures);
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > PwnedPasswordsOptions.MaxTimeout)
        {
            failures.Add($"{Prefix}Timeout ({options.Timeout}) must be positive and at most {PwnedPasswordsOptions.MaxTimeout}.");
        }

        if (options.MinimumCount < 1)
        {
            failures.Add($"{Prefix}MinimumCount ({options.MinimumCount}) must be at least 1.");
        }

        if (!Enum.IsDefined(options.FailureMode))
        {
            failures.Add($"{Prefix}FailureMode ({options.FailureMode}) must be FailOpen or FailClosed.");
        }

        if (options.MaxRetries < 0 || options.MaxRetries > PwnedPasswordsOptions.MaxAllowedRetries)
        {
            failures.Add($"{Prefix}MaxRetries ({options.MaxRetries}) must be between 0 and {PwnedPasswordsOptions.MaxAllowedRetries}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay >= options.Timeout)
        {
            failures.Add($"{Prefix}RetryDelay ({options.RetryDelay}) must be zero or positive and less than {Prefix}Timeout ({options.Timeout}).");
        }

        if (options.CacheSize < 0 || options.CacheSize > PwnedPasswordsOptions.MaxCacheSize)
        {
            failures.Add($"{Prefix}CacheSize ({options.CacheSize}) must be between 0 and {PwnedPasswordsOptions.MaxCacheSize}.");
        }

        if (options.CacheLifetime <= TimeSpan.Zero || options.CacheLifetime > PwnedPasswordsOptions.MaxCacheLifetime)
        {
            failures.Add($"{Prefix}CacheLifetime ({options.CacheLifetime}) must be positive and at most {PwnedPasswordsOptions.MaxCacheLifetime}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateBaseUrl(Uri? url, List<string> failures)
    {
        if (url is null)
        {
            failures.Add($"{Prefix}BaseUrl is required unless {Prefix}OfflineDirectory is set: the range service, for example {PwnedPasswordsOptions.DefaultBaseUrl}.");
        }
        else if (!url.IsAbsoluteUri)
        {
            failures.Add($"{Prefix}BaseUrl ({url}) must be an absolute URL.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            failures.Add($"{Prefix}BaseUrl ({url}) must use https; http is accepted only for a loopback host.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"{Prefix}BaseUrl ({url}) must use https.");
        }
        else if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"{Prefix}BaseUrl ({url}) must not carry user information, a query or a fragment.");
        }
    }
}
