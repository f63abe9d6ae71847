using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.AspNetCore.UI;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>A host that adds the UI package with one call gets the article's pages (the browser tests drive them in Chromium).</summary>
public sealed partial class TrendAccountUITests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddTrendAccount(o =>
            {
                o.Recovery.ResetLinkBaseUrl = new Uri("https://localhost/ChangePassword?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://localhost/ConfirmRegistration?token=");
                o.Hashing.WorkFactor = 4;
                o.Hashing.AllowInsecureWorkFactorForTesting = true;
            })
            .UseInMemoryStores().UseMailer<RecordingAccountMailer>().UseCaptchaVerifier<TestCaptchaVerifier>();
        builder.Services.AddTrendAccountUI(o =>
        {
            o.SiteName = "Example Account";
            o.NavigationLinks.Add(new TrendAccountUILink("Help", "/help"));
        });
        _app = builder.Build();
        _app.UseTrendAccountSecurityHeaders();
        _app.MapTrendAccountUI();
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _client.BaseAddress = new Uri("https://localhost");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/", "Sign in to your Trend Micro Account")]
    [InlineData("/Register", "Create your Trend Micro Account")]
    [InlineData("/CantSignIn", "Unable to sign in to your Trend Micro Account")]
    [InlineData("/FindEmail", "Forgot which address you used before?")]
    [InlineData("/ForgotPassword", "Forgot your password?")]
    [InlineData("/ChangePassword?token=nope", "Create a new password")]
    public async Task MapTrendAccountUI_EveryPage_IsServedWithTheHostsOptions(string path, string heading)
    {
        var html = await _client.GetStringAsync(path);

        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Matches(TitleSuffix(), html);
        Assert.Contains("<a href=\"/help\">Help</a>", html, StringComparison.Ordinal);
        Assert.Contains("Skip to main content", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_DefaultCaptchaStep_IsOneLabelledTextField()
    {
        var html = await _client.GetStringAsync("/ForgotPassword");

        Assert.Contains("<label for=\"CaptchaResponse\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"CaptchaResponse\" name=\"CaptchaResponse\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Install and activate", await _client.GetStringAsync("/Register"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_NotSignedIn_RedirectsToSignIn()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?ReturnUrl=%2FAccount", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Stylesheet_IsServedFromTheAssembly()
    {
        using var response = await _client.GetAsync("/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".skip-link", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseTrendAccountSecurityHeaders_EveryPage_AllowsNoScriptAndNoFraming()
    {
        using var signIn = await _client.GetAsync("/");
        using var resetLink = await _client.GetAsync("/ChangePassword?token=nope");

        var policy = string.Join(' ', signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(signIn.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(signIn.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("no-referrer", Assert.Single(resetLink.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("no-store", resetLink.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<title>[^<]* – Example Account</title>")]
    private static partial Regex TitleSuffix();
}
