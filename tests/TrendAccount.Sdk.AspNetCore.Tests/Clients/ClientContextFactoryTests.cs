using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore.Tests;

public sealed class ClientContextFactoryTests
{
    private static ClientContext Read(string remote, string? forwardedFor = null, Action<TrendAccountClientOptions>? configure = null, string? userAgent = null)
    {
        var options = new TrendAccountClientOptions();
        configure?.Invoke(options);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
        {
            context.Request.Headers[options.ForwardedForHeaderName] = forwardedFor;
        }

        if (userAgent is not null)
        {
            context.Request.Headers.UserAgent = userAgent;
        }

        return new ClientContextFactory(new StaticMonitor(options)).Create(context);
    }

    [Fact]
    public void Create_NoKnownProxies_IgnoresForwardedHeader()
    {
        var client = Read("198.51.100.7", forwardedFor: "203.0.113.9");

        Assert.Equal("198.51.100.7", client.IpAddress);
    }

    [Fact]
    public void Create_FromKnownProxy_UsesTheAddressItForwarded()
    {
        var client = Read("10.0.0.1", forwardedFor: "203.0.113.9", configure: o => o.KnownProxies.Add(IPAddress.Parse("10.0.0.1")));

        Assert.Equal("203.0.113.9", client.IpAddress);
    }

    [Fact]
    public void Create_FromUnknownHost_IgnoresItsForwardedHeader()
    {
        var client = Read("198.51.100.7", forwardedFor: "203.0.113.9", configure: o => o.KnownProxies.Add(IPAddress.Parse("10.0.0.1")));

        Assert.Equal("198.51.100.7", client.IpAddress);
    }

    [Fact]
    public void Create_ChainOfKnownProxies_StopsAtTheFirstUnknownHop()
    {
        // The client wrote "6.6.6.6" itself; 203.0.113.9 connected to our first proxy 10.0.0.2, which forwarded to 10.0.0.1.
        var client = Read("10.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", configure: o => o.KnownNetworks.Add("10.0.0.0/8"));

        Assert.Equal("203.0.113.9", client.IpAddress);
    }

    [Fact]
    public void Create_ForwardedEntryNotAnAddress_KeepsTheProxysAddress()
    {
        var client = Read("10.0.0.1", forwardedFor: "unknown", configure: o => o.KnownProxies.Add(IPAddress.Parse("10.0.0.1")));

        Assert.Equal("10.0.0.1", client.IpAddress);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    public void Create_IPv6_KeyedByItsSlash64(string remote, string expected)
    {
        Assert.Equal(expected, Read(remote).IpAddress);
    }

    [Fact]
    public void Create_TwoAddressesOfOneSlash64_ShareOnePartition()
    {
        Assert.Equal(Read("2001:db8:1:2::1").PartitionKey, Read("2001:db8:1:2:ffff::9").PartitionKey);
        Assert.NotEqual(Read("2001:db8:1:2::1").PartitionKey, Read("2001:db8:1:3::1").PartitionKey);
    }

    [Fact]
    public void Create_ForwardedIPv6WithPort_KeyedByItsSlash64()
    {
        var client = Read("10.0.0.1", forwardedFor: "[2001:db8:9:9::5]:51234", configure: o => o.KnownProxies.Add(IPAddress.Parse("10.0.0.1")));

        Assert.Equal("2001:db8:9:9::/64", client.IpAddress);
    }

    [Fact]
    public void Create_LongUserAgent_IsCut()
    {
        var client = Read("198.51.100.7", userAgent: new string('x', 2000));

        Assert.Equal(TrendAccountClientOptions.DefaultMaximumUserAgentLength, client.UserAgent!.Length);
    }

    [Fact]
    public void Validate_MalformedNetwork_NamesTheSetting()
    {
        var options = new TrendAccountClientOptions();
        options.KnownNetworks.Add("10.0.0.0/33");

        var result = new TrendAccountClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("KnownNetworks", result.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class StaticMonitor(TrendAccountClientOptions value) : IOptionsMonitor<TrendAccountClientOptions>
    {
        public TrendAccountClientOptions CurrentValue => value;

        public TrendAccountClientOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TrendAccountClientOptions, string?> listener) => null;
    }
}
