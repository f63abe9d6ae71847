using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>The client as the SDK's limits see it, end to end: a spoofed header must not buy a fresh budget.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> OneLookUp = new() { ["TrendAccount:RateLimits:EmailRecoveryPerClient:PermitLimit"] = "1" };

    private static async Task<HttpStatusCode> ForgotEmailAsync(TestBrowser browser, string forwardedFor)
    {
        using var response = await browser.SendAsync(HttpMethod.Post, "/account/forgot-email",
            JsonContent.Create(new { serial = SiteFactory.SeedSerial, captchaResponse = TestCaptchaVerifier.ValidResponse }),
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });
        return response.StatusCode;
    }

    [Fact]
    public async Task ForgotEmail_FromTrustedProxy_LimitsEachForwardedClientSeparately()
    {
        await using var site = await new SiteFactory(OneLookUp, s => s.Configure<TrendAccountClientOptions>(o => o.KnownProxies.Add(IPAddress.Parse("10.0.0.1"))))
        { RemoteAddress = IPAddress.Parse("10.0.0.1") }.WithAccountAsync();
        using var browser = site.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, await ForgotEmailAsync(browser, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgotEmailAsync(browser, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await ForgotEmailAsync(browser, "203.0.113.2"));
    }

    [Fact]
    public async Task ForgotEmail_FromUntrustedHost_SpoofedHeaderDoesNotBuyAFreshBudget()
    {
        await using var site = await new SiteFactory(OneLookUp, s => s.Configure<TrendAccountClientOptions>(o => o.KnownProxies.Add(IPAddress.Parse("10.0.0.1"))))
        { RemoteAddress = IPAddress.Parse("198.51.100.7") }.WithAccountAsync();
        using var browser = site.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, await ForgotEmailAsync(browser, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgotEmailAsync(browser, "203.0.113.2"));
    }

    [Fact]
    public async Task GetTrendAccountClient_InTheHost_ReadsForwardedAddressAndUserAgent()
    {
        await using var site = new SiteFactory(services: s => s.Configure<TrendAccountClientOptions>(o => o.KnownNetworks.Add("10.0.0.0/8")))
        { RemoteAddress = IPAddress.Parse("10.1.2.3") };
        using var browser = site.CreateBrowser();

        using var response = await browser.SendAsync(HttpMethod.Get, "/test/client",
            headers: new Dictionary<string, string> { ["X-Forwarded-For"] = "2001:db8:5:6:7::1", ["User-Agent"] = "Journey/1.0" });
        var client = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("2001:db8:5:6::/64", client.GetProperty("ipAddress").GetString());
        Assert.Equal("Journey/1.0", client.GetProperty("userAgent").GetString());
    }
}
