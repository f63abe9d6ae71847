using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>Issue #11's sign-in defences through the JSON endpoint: the device cookie, the captcha step-up and overflow.</summary>
public sealed class SignInDefenceTests
{
    private const string WrongPassword = "Not-The-Password-1";

    // 32 bytes of test key material: a constant is fine for a test host, never for production.
    private static readonly string DeviceTokenKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static Dictionary<string, string?> WithDeviceTokens() => new() { ["TrendAccount:SignIn:DeviceTokenKey"] = DeviceTokenKey };

    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SignInAsync(TestBrowser browser, object body)
    {
        var response = await browser.PostJsonAsync("/account/signin", body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), response);
    }

    private static async Task SpendSharedBudgetAsync(TestBrowser attacker)
    {
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            var (status, body, response) = await SignInAsync(attacker, new { email = SiteFactory.Email, password = WrongPassword });
            response.Dispose();
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Failed", body.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task SignIn_Success_IssuesALongLivedSecureHttpOnlyDeviceCookie()
    {
        await using var site = await new SiteFactory(WithDeviceTokens()).WithAccountAsync();
        using var browser = site.CreateBrowser();

        await browser.SignInAsync();

        var header = Assert.Single(browser.LastSetCookies, c => c.StartsWith(TrendAccountAuthenticationDefaults.DeviceCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", header, StringComparison.OrdinalIgnoreCase);
        var expires = DateTimeOffset.Parse(header.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase))["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(site.Time.GetUtcNow().Add(SignInOptions.DefaultDeviceTokenLifetime), expires, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SignOut_WithDeviceCookie_KeepsTheDeviceCookie()
    {
        await using var site = await new SiteFactory(WithDeviceTokens()).WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var device = browser.Cookies[TrendAccountAuthenticationDefaults.DeviceCookieName];
        await browser.FetchAntiforgeryAsync();

        using var response = await browser.PostJsonAsync("/account/signout", new { });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(browser.SessionCookie);
        Assert.Equal(device, browser.Cookies[TrendAccountAuthenticationDefaults.DeviceCookieName]);
        Assert.DoesNotContain(browser.LastSetCookies, c => c.StartsWith(TrendAccountAuthenticationDefaults.DeviceCookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_TrustedDeviceWhileOthersSpendTheSharedBudget_StillSignsIn()
    {
        await using var site = await new SiteFactory(WithDeviceTokens()).WithAccountAsync();
        using var owner = site.CreateBrowser();
        using var attacker = site.CreateBrowser();
        await owner.SignInAsync();
        await owner.FetchAntiforgeryAsync();
        (await owner.PostJsonAsync("/account/signout", new { })).Dispose();
        owner.AntiforgeryToken = null;

        await SpendSharedBudgetAsync(attacker);
        var (attackerStatus, attackerBody, attackerResponse) = await SignInAsync(attacker, new { email = SiteFactory.Email, password = SiteFactory.Password });
        attackerResponse.Dispose();
        var (ownerStatus, ownerBody, ownerResponse) = await SignInAsync(owner, new { email = SiteFactory.Email, password = SiteFactory.Password });
        ownerResponse.Dispose();

        Assert.Equal(HttpStatusCode.OK, attackerStatus);
        Assert.Equal("CaptchaRequired", attackerBody.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.True(ownerBody.GetProperty("succeeded").GetBoolean(), ownerBody.ToString());
        Assert.NotNull(owner.SessionCookie);
    }

    [Fact]
    public async Task SignIn_SharedBudgetSpent_AsksForCaptchaThenSignsInWithIt()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await SpendSharedBudgetAsync(browser);

        var (status, body, response) = await SignInAsync(browser, new { email = SiteFactory.Email, password = SiteFactory.Password });
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("succeeded").GetBoolean());
        Assert.Equal("CaptchaRequired", body.GetProperty("status").GetString());
        Assert.Equal(TrendAccountMessages.Default.SignInCaptchaRequired, body.GetProperty("message").GetString());
        Assert.Null(browser.SessionCookie);

        var (wrongCaptchaStatus, wrongCaptcha, wrongResponse) = await SignInAsync(browser, new { email = SiteFactory.Email, password = SiteFactory.Password, captchaResponse = "wrong" });
        wrongResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, wrongCaptchaStatus);
        Assert.Equal("CaptchaRequired", wrongCaptcha.GetProperty("status").GetString());

        var (solvedStatus, solved, solvedResponse) = await SignInAsync(browser, new { email = SiteFactory.Email, password = SiteFactory.Password, captchaResponse = TestCaptchaVerifier.ValidResponse });
        solvedResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, solvedStatus);
        Assert.True(solved.GetProperty("succeeded").GetBoolean(), solved.ToString());
        Assert.NotNull(browser.SessionCookie);
    }

    [Fact]
    public async Task SignIn_OverTheClientsSignInLimit_Returns503WithRetryAfter()
    {
        await using var site = await new SiteFactory(new() { ["TrendAccount:SignIn:PerClient:PermitLimit"] = "1" }) { RemoteAddress = IPAddress.Parse("203.0.113.5") }.WithAccountAsync();
        using var browser = site.CreateBrowser();
        (await browser.PostJsonAsync("/account/signin", new { email = SiteFactory.Email, password = WrongPassword })).Dispose();

        var (status, body, response) = await SignInAsync(browser, new { email = SiteFactory.Email, password = SiteFactory.Password });
        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("TryAgainLater", body.GetProperty("status").GetString());
            Assert.Equal(TrendAccountMessages.Default.TryAgainShortly, body.GetProperty("message").GetString());
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.True(retryAfter >= TimeSpan.FromSeconds(1));
            Assert.Equal((long)retryAfter!.Value.TotalSeconds, body.GetProperty("retryAfterSeconds").GetInt64());
            Assert.Null(browser.SessionCookie);
        }
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.5, 2)]
    [InlineData(300.0, 300)]
    public void RetryAfterSeconds_Wait_RoundsUpToWholeSecondsAtLeastOne(double seconds, long expected) =>
        Assert.Equal(expected, SignInEndpoints.RetryAfterSeconds(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void TrendAccountAuthenticationOptions_DeviceCookieDefaults_AreHostPrefixedSecureHttpOnlyLax()
    {
        var cookie = new TrendAccountAuthenticationOptions().DeviceCookie;

        Assert.Equal("__Host-TrendAccount.Device", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path);
        Assert.True(cookie.IsEssential);
    }
}
