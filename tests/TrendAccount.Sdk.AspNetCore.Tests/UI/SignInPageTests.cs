using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>The UI package's sign-in page meets issue #11's defences: the captcha step-up and "try again shortly".</summary>
public sealed partial class SignInPageTests : IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private const string Password = "Blue-Falcon-1987";
    private const string WrongPassword = "Not-The-Password-1";

    private WebApplication _app = null!;
    private TestBrowser _browser = null!;

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
                o.SignIn.PerClient.PermitLimit = 8;
            })
            .UseInMemoryStores().UseMailer<RecordingAccountMailer>().UseCaptchaVerifier<TestCaptchaVerifier>();
        builder.Services.AddTrendAccountUI();
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            return next(context);
        });
        _app.MapTrendAccountUI();
        await _app.StartAsync();

        var accounts = _app.Services.GetRequiredService<IAccountService>();
        const string serial = "PQRS-1234-5678-9012-3456";
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest(serial))).Succeeded);
        var registration = new RegistrationRequest(serial, Email, Password, Password, TestCaptchaVerifier.ValidResponse, new ClientContext("198.51.100.1"));
        Assert.True((await TestRegistrations.RegisterAndConfirmAsync(_app.Services, registration)).Succeeded);

        var client = _app.GetTestClient();
        client.BaseAddress = new Uri("https://localhost");
        _browser = new TestBrowser(client);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Html)> PostSignInAsync(string password, string? captcha = null)
    {
        using var page = await _browser.GetAsync("/");
        var token = RequestToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["Email"] = Email, ["Password"] = password, ["__RequestVerificationToken"] = token };
        if (captcha is not null)
        {
            fields["CaptchaResponse"] = captcha;
        }

        using var response = await _browser.SendAsync(HttpMethod.Post, "/", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInPage_SharedBudgetSpent_ShowsTheCaptchaThenSignsInWithIt()
    {
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            var (_, failed) = await PostSignInAsync(WrongPassword);
            Assert.DoesNotContain("id=\"CaptchaResponse\"", failed, StringComparison.Ordinal);
        }

        var (status, html) = await PostSignInAsync(Password);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(WebUtility.HtmlEncode(TrendAccountMessages.Default.SignInCaptchaRequired), html, StringComparison.Ordinal);
        Assert.Contains("id=\"CaptchaResponse\" name=\"CaptchaResponse\"", html, StringComparison.Ordinal);
        Assert.Matches(CaptchaFieldInvalidAndDescribedByTheMessage(), html);
        Assert.Matches(TypedEmailKept(), html);
        Assert.Contains("autofocus", html, StringComparison.Ordinal);
        Assert.Null(_browser.SessionCookie);

        var (wrongCaptchaStatus, wrongCaptcha) = await PostSignInAsync(Password, "wrong");
        Assert.Equal(HttpStatusCode.OK, wrongCaptchaStatus);
        Assert.Contains("id=\"CaptchaResponse\"", wrongCaptcha, StringComparison.Ordinal);

        var (solvedStatus, _) = await PostSignInAsync(Password, TestCaptchaVerifier.ValidResponse);
        Assert.Equal(HttpStatusCode.Redirect, solvedStatus);
        Assert.NotNull(_browser.SessionCookie);
    }

    [Fact]
    public async Task SignInPage_OverTheClientsSignInLimit_SaysTryAgainShortly()
    {
        string html = "";
        for (var i = 0; i < 9; i++)
        {
            (_, html) = await PostSignInAsync(WrongPassword);
        }

        Assert.Contains(WebUtility.HtmlEncode(TrendAccountMessages.Default.TryAgainShortly), html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();

    [GeneratedRegex("id=\"CaptchaResponse\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"form-message captcha-help\"")]
    private static partial Regex CaptchaFieldInvalidAndDescribedByTheMessage();

    [GeneratedRegex("id=\"Email\"[^>]*value=\"owner@example.com\"|value=\"owner@example.com\"[^>]*id=\"Email\"")]
    private static partial Regex TypedEmailKept();
}
