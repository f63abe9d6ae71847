using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.Captcha;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>How the sample behaves in production and with a site-verify captcha; plain HTTP, no browser.</summary>
public sealed class ProductionSiteTests(ProductionSiteFixture site) : IClassFixture<ProductionSiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Dev/Outbox")]
    public async Task Request_OverHttp_RedirectsToHttps(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(site.BaseUrl) };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://127.0.0.1:{ProductionSiteFixture.HttpsPort}{path}", response.Headers.Location?.ToString());
    }

    [Fact]
    public void Services_Production_UseTheSystemClock()
    {
        Assert.Same(TimeProvider.System, site.Services.GetRequiredService<TimeProvider>());
    }
}

public sealed class SiteVerifyCaptchaSiteTests(SiteVerifySiteFixture site) : IClassFixture<SiteVerifySiteFixture>
{
    [Fact]
    public async Task ForgotPassword_SiteVerifyConfigured_RendersTheProviderWidgetAndAllowsItsScript()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        using var response = await client.GetAsync("/ForgotPassword");
        var html = await response.Content.ReadAsStringAsync();

        response.EnsureSuccessStatusCode();
        Assert.Contains($"class=\"cf-turnstile\" data-sitekey=\"{SiteVerifySiteFixture.SiteKey}\"", html, StringComparison.Ordinal);
        Assert.Contains("https://challenges.cloudflare.com/turnstile/v0/api.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("captcha-image", html, StringComparison.Ordinal);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src https://challenges.cloudflare.com", policy, StringComparison.Ordinal);
        Assert.IsType<SiteVerifyCaptchaVerifier>(site.Services.GetRequiredService<ICaptchaVerifier>());
    }
}

public sealed class DevelopmentSiteTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var form = await client.GetStringAsync("/ForgotPassword");
        Assert.Contains("__RequestVerificationToken", form, StringComparison.Ordinal);

        using var response = await client.PostAsync("/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_Always_SendProtectiveHeaders()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        using var response = await client.GetAsync("/");

        response.EnsureSuccessStatusCode();
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_AnyLink_NoReferrerAndNoStore()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };

        using var response = await client.GetAsync("/ChangePassword?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("no longer valid", html, StringComparison.Ordinal);
    }
}
