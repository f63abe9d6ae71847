using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// The outbox (live reset links) and the clock answer the developer at this machine only (issue #11 item 11): before,
/// any visitor of a Development site read a victim's reset link and moved the clock to end a lockout.
/// </summary>
public sealed class DevelopmentPagesTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    [Theory]
    [InlineData("/Dev/Outbox")]
    [InlineData("/Dev/Clock")]
    public async Task DevPage_LoopbackCallerInDevelopment_Served(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Dev/Outbox", "203.0.113.9")]
    [InlineData("/Dev/Clock", "203.0.113.9")]
    [InlineData("/Dev/Outbox", "2001:db8::9")]
    [InlineData("/Dev/Outbox", "192.168.1.20")]
    public async Task DevPage_NonLoopbackCallerInDevelopment_NotFound(string path, string remote)
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(SampleSiteFixture.RemoteAddressHeader, remote);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DevPage_LoopbackConnectionCarryingAForwardedFor_NotFound()
    {
        // A reverse proxy on the same machine connects from loopback for everyone: its header gives it away.
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Dev/Outbox");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ClockPost_NonLoopbackCallerWithAValidForm_NotFoundAndTheClockStays()
    {
        // The attack of the finding: move the clock to end a victim's lockout. The form is genuine (token and cookie
        // fetched from loopback), so only the page's own gate stands in the way.
        var clock = site.Services.GetRequiredService<Infrastructure.AdjustableClock>();
        var before = clock.Offset;
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(site.BaseUrl) };
        var html = await client.GetStringAsync("/Dev/Clock");
        var token = SampleCaptchaSiteTests.Antiforgery().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Dev/Clock")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["minutes"] = "60", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add(SampleSiteFixture.RemoteAddressHeader, "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, clock.Offset);
    }
}

public sealed class ProductionDevelopmentPagesTests(ProductionSiteFixture site) : IClassFixture<ProductionSiteFixture>
{
    [Theory]
    [InlineData("/Dev/Outbox")]
    [InlineData("/Dev/Clock")]
    public async Task DevPage_LoopbackCallerInProduction_NotFound(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(site.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(SampleSiteFixture.SchemeHeader, "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
