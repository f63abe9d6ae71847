using System.Net;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Checks <see cref="TrendAccountClientOptions"/> at start-up.</summary>
internal sealed class TrendAccountClientOptionsValidator : IValidateOptions<TrendAccountClientOptions>
{
    public ValidateOptionsResult Validate(string? name, TrendAccountClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var network in options.KnownNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                failures.Add($"TrendAccount clients: KnownNetworks entry \"{network}\" is not a CIDR network such as 10.0.0.0/8.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ForwardedForHeaderName))
        {
            failures.Add("TrendAccount clients: ForwardedForHeaderName is required.");
        }

        if (options.IPv6PrefixLength is < 32 or > 128)
        {
            failures.Add($"TrendAccount clients: IPv6PrefixLength ({options.IPv6PrefixLength}) must be between 32 and 128.");
        }

        if (options.MaximumUserAgentLength < 0)
        {
            failures.Add($"TrendAccount clients: MaximumUserAgentLength ({options.MaximumUserAgentLength}) must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
