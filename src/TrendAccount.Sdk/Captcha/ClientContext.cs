using System.Net;
using System.Net.Sockets;

namespace TrendAccount.Sdk;

/// <summary>What the host knows of the client making a request; used for rate limits and captcha checks. Immutable.</summary>
/// <param name="IpAddress">
/// The client's IP address as the host sees it. Behind a reverse proxy, pass the address that the host's configured,
/// trusted proxies forwarded (ASP.NET Core's forwarded-headers middleware with <c>KnownProxies</c>), never a header
/// any client can set, and never the proxy's own address (that would put every client in one partition).
/// </param>
/// <param name="UserAgent">The client's user agent.</param>
public sealed record ClientContext(string? IpAddress = null, string? UserAgent = null)
{
    /// <summary>The number of leading bits of an IPv6 address that identify one client: 64 (one subnet, as ISPs assign).</summary>
    public const int IPv6PrefixLength = 64;

    /// <summary>Gets a context for a client the host knows nothing about.</summary>
    public static ClientContext Unknown { get; } = new();

    /// <summary>
    /// Gets the key per-client limits partition by, or <see langword="null"/> when the client is unknown: an IPv4
    /// address as is, an IPv6 address by its /64 prefix (<c>2001:db8:1:2::/64</c>; one customer holds a whole /64, so
    /// keying by the full address would give an attacker 2⁶⁴ partitions), an IPv4-mapped IPv6 address as the IPv4
    /// address, anything else trimmed as given.
    /// </summary>
    /// <remarks>
    /// There is deliberately no shared "unknown" partition: one anonymous client could spend it for everyone, so
    /// per-client limits are skipped for a request without a client address (the other limits still hold) and the
    /// SDK logs a warning once (event 1252) so that a host that forgot to pass the address finds out.
    /// </remarks>
    public string? PartitionKey
    {
        get
        {
            if (string.IsNullOrWhiteSpace(IpAddress))
            {
                return null;
            }

            var text = IpAddress.Trim();
            if (!IPAddress.TryParse(text, out var address))
            {
                return text;
            }

            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            if (address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return address.ToString();
            }

            Span<byte> bytes = stackalloc byte[16];
            _ = address.TryWriteBytes(bytes, out _);
            bytes[(IPv6PrefixLength / 8)..].Clear();
            return new IPAddress(bytes).ToString() + "/" + IPv6PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
