using System.Net;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// How <see cref="HttpContextClientExtensions.GetTrendAccountClient"/> reads the client behind proxies. The SDK's rate
/// limits and captcha checks partition by what it returns, so a forged header must not move a client to another
/// partition: forwarded headers count only when they come from a proxy listed here.
/// </summary>
public sealed class TrendAccountClientOptions
{
    /// <summary>The default of <see cref="ForwardedForHeaderName"/>: <c>X-Forwarded-For</c>.</summary>
    public const string DefaultForwardedForHeaderName = "X-Forwarded-For";

    /// <summary>The default of <see cref="IPv6PrefixLength"/>: 64, the block one IPv6 subscriber usually holds.</summary>
    public const int DefaultIPv6PrefixLength = 64;

    /// <summary>The default of <see cref="MaximumUserAgentLength"/>: 512 characters.</summary>
    public const int DefaultMaximumUserAgentLength = 512;

    /// <summary>The most forwarded hops followed, whatever the proxy lists say.</summary>
    public const int MaximumForwardedHops = 10;

    /// <summary>Gets the addresses of the reverse proxies whose <see cref="ForwardedForHeaderName"/> header is believed. Empty by default: the connection's address is used as is.</summary>
    public IList<IPAddress> KnownProxies { get; } = [];

    /// <summary>Gets the networks (CIDR, such as <c>10.0.0.0/8</c>) whose proxies are believed, like <see cref="KnownProxies"/>. Empty by default.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Gets or sets the header a known proxy appends the client's address to.</summary>
    /// <value>Defaults to <see cref="DefaultForwardedForHeaderName"/>.</value>
    public string ForwardedForHeaderName { get; set; } = DefaultForwardedForHeaderName;

    /// <summary>Gets or sets how many leading bits of an IPv6 address identify one client (its network).</summary>
    /// <value>Defaults to <see cref="DefaultIPv6PrefixLength"/>; between 32 and 128.</value>
    /// <remarks>
    /// One subscriber usually holds a whole /64 and can pick a new address in it for every request; keying IPv6 clients
    /// by single addresses would give each of them 2^64 rate-limit budgets.
    /// </remarks>
    public int IPv6PrefixLength { get; set; } = DefaultIPv6PrefixLength;

    /// <summary>Gets or sets the longest user agent kept; longer ones are cut.</summary>
    /// <value>Defaults to <see cref="DefaultMaximumUserAgentLength"/>.</value>
    public int MaximumUserAgentLength { get; set; } = DefaultMaximumUserAgentLength;
}
