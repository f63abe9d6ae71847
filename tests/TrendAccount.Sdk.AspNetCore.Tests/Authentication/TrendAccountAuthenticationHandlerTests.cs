using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore.Tests;

public sealed class TrendAccountAuthenticationHandlerTests
{
    [Fact]
    public async Task SignIn_ValidCredentials_SetsHostPrefixedSecureHttpOnlyLaxCookie()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var body = await browser.SignInAsync();

        Assert.True(body.GetProperty("succeeded").GetBoolean());
        var cookie = Assert.Single(browser.LastSetCookies, c => c.StartsWith(TrendAccountAuthenticationDefaults.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(browser.SessionCookie!, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeEndpoint_NoCookie_Returns401()
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizeEndpoint_ValidCookie_SeesTheCustomer()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Signed in as " + SiteFactory.Email, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Session_ValidCookie_ReturnsAccountAndExpiryClaims()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        using var response = await browser.GetAsync("/account/session");
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(site.AccountId, session.GetProperty("accountId").GetGuid());
        Assert.Equal(SiteFactory.Email, session.GetProperty("email").GetString());
        Assert.Equal(site.Time.GetUtcNow() + TokenOptions.DefaultSessionIdleTimeout, session.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(site.Time.GetUtcNow() + TokenOptions.DefaultSessionAbsoluteLifetime, session.GetProperty("absoluteExpiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Authenticate_ExpiredSession_Returns401AndDeletesCookie()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        site.Time.Advance(TokenOptions.DefaultSessionIdleTimeout + TimeSpan.FromSeconds(1));
        using var response = await browser.GetAsync("/account/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task Authenticate_ActiveSession_SlidesAndRenewsCookie()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        // Active every 20 minutes for an hour: past the 30-minute idle limit of a session nobody used.
        for (var i = 0; i < 3; i++)
        {
            site.Time.Advance(TimeSpan.FromMinutes(20));
            using var response = await browser.GetAsync("/account/session");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var renewed = Assert.Single(browser.LastSetCookies);
            var expected = (site.Time.GetUtcNow() + TokenOptions.DefaultSessionIdleTimeout).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("expires=" + expected, renewed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Authenticate_AbsoluteLimitReached_Returns401EvenWhenActive()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        var elapsed = TimeSpan.Zero;
        while (elapsed < TokenOptions.DefaultSessionAbsoluteLifetime - TimeSpan.FromMinutes(20))
        {
            site.Time.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            using var active = await browser.GetAsync("/account/session");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        site.Time.Advance(TimeSpan.FromMinutes(20));
        using var response = await browser.GetAsync("/account/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authenticate_RevokedSession_Returns401()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        await site.Accounts.SignOutAsync(browser.SessionCookie!);
        using var response = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("append")]
    [InlineData("oversized")]
    public async Task Authenticate_TamperedCookie_Returns401(string tampering)
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var token = browser.SessionCookie!;
        browser.Cookies[TrendAccountAuthenticationDefaults.CookieName] = tampering switch
        {
            "flip" => (token[0] == 'A' ? 'B' : 'A') + token[1..],
            "append" => token + "A",
            _ => token + new string('A', 300),
        };

        using var response = await browser.GetAsync("/account/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Challenge_LoginPathAndBrowserNavigation_RedirectsWithReturnUrl()
    {
        await using var site = new SiteFactory(services: s => s.AddTrendAccountAuthentication(o => o.LoginPath = "/signin"));
        using var browser = site.CreateBrowser();

        using var page = await browser.GetAsync("/?tab=1", accept: "text/html");
        using var api = await browser.GetAsync("/account/session", accept: "application/json");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2F%3Ftab%3D1", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithAntiforgeryToken_EndsSessionAndDeletesCookie()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var token = browser.SessionCookie!;
        await browser.FetchAntiforgeryAsync();

        using var response = await browser.SendAsync(HttpMethod.Post, "/account/signout");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(browser.SessionCookie);
        Assert.Null(await site.Accounts.ValidateSessionAsync(token));
    }

    [Fact]
    public async Task SignOut_SignedInWithoutAntiforgeryToken_Returns400AndKeepsSession()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var token = browser.SessionCookie!;

        using var response = await browser.SendAsync(HttpMethod.Post, "/account/signout");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(await site.Accounts.ValidateSessionAsync(token));
    }

    [Fact]
    public async Task SignIn_WhileSignedIn_EndsThePreviousSession()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var first = browser.SessionCookie!;

        await browser.SignInAsync();

        Assert.NotEqual(first, browser.SessionCookie);
        Assert.Null(await site.Accounts.ValidateSessionAsync(first));
    }

    [Theory]
    [InlineData("__Host-Session", "SameAsRequest", null)]
    [InlineData("__Host-Session", "Always", "example.com")]
    [InlineData("__Secure-Session", "None", null)]
    public void AddTrendAccountAuthentication_CookieBreakingItsPrefixRules_FailsAtStartup(string name, string securePolicy, string? domain)
    {
        var services = new ServiceCollection();
        services.AddTrendAccountAuthentication(o =>
        {
            o.Cookie.Name = name;
            o.Cookie.SecurePolicy = Enum.Parse<Microsoft.AspNetCore.Http.CookieSecurePolicy>(securePolicy);
            o.Cookie.Domain = domain;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<TrendAccountAuthenticationOptions>>().Get(TrendAccountAuthenticationDefaults.AuthenticationScheme));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void AddTrendAccountAuthentication_CacheDurationOutOfRange_FailsAtStartup(int seconds)
    {
        var services = new ServiceCollection();
        services.AddTrendAccountAuthentication(o => o.SessionCacheDuration = TimeSpan.FromSeconds(seconds));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<TrendAccountAuthenticationOptions>>().Get(TrendAccountAuthenticationDefaults.AuthenticationScheme));

        Assert.Contains("SessionCacheDuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTrendAccountAuthentication_CalledTwice_IsHarmlessAndKeepsBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddTrendAccountAuthentication(o => o.SessionCacheDuration = TimeSpan.FromSeconds(5));
        services.AddTrendAccountAuthentication(o => o.LoginPath = "/signin");
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<TrendAccountAuthenticationOptions>>().Get(TrendAccountAuthenticationDefaults.AuthenticationScheme);
        var schemes = await provider.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetAllSchemesAsync();

        Assert.Equal(TimeSpan.FromSeconds(5), options.SessionCacheDuration);
        Assert.Equal("/signin", options.LoginPath);
        Assert.Single(schemes, s => s.Name == TrendAccountAuthenticationDefaults.AuthenticationScheme);
        Assert.Single(services, d => d.ServiceType == typeof(TrendAccountSignInManager));
    }
}
