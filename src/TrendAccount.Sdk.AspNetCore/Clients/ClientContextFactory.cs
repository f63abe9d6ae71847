using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// Builds the SDK's <see cref="ClientContext"/> from a request. The one place that reads the client: when
/// <see cref="ClientContext"/> gains the attack-resistance issue's device token, this class reads its cookie.
/// </summary>
internal sealed class ClientContextFactory
{
    private readonly IOptionsMonitor<TrendAccountClientOptions> _options;

    public ClientContextFactory(IOptionsMonitor<TrendAccountClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public ClientContext Create(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = _options.CurrentValue;
        var address = ClientAddress(context, options);
        var userAgent = context.Request.Headers[HeaderNames.UserAgent].ToString();
        if (userAgent.Length > options.MaximumUserAgentLength)
        {
            userAgent = userAgent[..options.MaximumUserAgentLength];
        }

        return new ClientContext(address is null ? null : Key(address, options.IPv6PrefixLength), userAgent.Length == 0 ? null : userAgent);
    }

    /// <summary>
    /// The connection's address, then, while the hop that handed us the request is a known proxy, the address that
    /// proxy appended (read right to left, the order proxies append in). Entries left of the first unknown hop were
    /// written by the client and are ignored.
    /// </summary>
    internal static IPAddress? ClientAddress(HttpContext context, TrendAccountClientOptions options)
    {
        var address = Normalize(context.Connection.RemoteIpAddress);
        if (address is null || (options.KnownProxies.Count == 0 && options.KnownNetworks.Count == 0))
        {
            return address;
        }

        var entries = new List<string>();
        foreach (var value in context.Request.Headers[options.ForwardedForHeaderName])
        {
            if (value is not null)
            {
                entries.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var networks = options.KnownNetworks.Select(n => IPNetwork.Parse(n)).ToArray();
        for (int i = entries.Count - 1, hops = 0; i >= 0 && hops < TrendAccountClientOptions.MaximumForwardedHops && IsKnownProxy(address, options, networks); i--, hops++)
        {
            if (!IPEndPoint.TryParse(entries[i], out var forwarded))
            {
                break;
            }

            address = Normalize(forwarded.Address)!;
        }

        return address;
    }

    /// <summary>An IPv4 address as is; an IPv6 address as its network (<c>2001:db8:1:2::/64</c>).</summary>
    internal static string Key(IPAddress address, int ipv6PrefixLength)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || ipv6PrefixLength >= 128)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        for (var bit = ipv6PrefixLength; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return $"{new IPAddress(bytes)}/{ipv6PrefixLength}";
    }

    private static bool IsKnownProxy(IPAddress address, TrendAccountClientOptions options, IPNetwork[] networks)
    {
        foreach (var proxy in options.KnownProxies)
        {
            if (address.Equals(Normalize(proxy)))
            {
                return true;
            }
        }

        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
