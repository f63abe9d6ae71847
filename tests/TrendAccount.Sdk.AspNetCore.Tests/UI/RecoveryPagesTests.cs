using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>Issue #11 items 2 and 4 on the UI pages, in Production: "Can't sign in?" reveals nothing; "Forgot your password?" sends the device cookie.</summary>
public sealed partial class RecoveryPagesTests : IAsyncLifetime
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "owner@example.com";
    private const string Password = "Blue-Falcon-1987";
    private static readonly string DeviceTokenKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private WebApplication _app = null!;

    private RecordingAccountMailer Mailer { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Services.AddTrendAccount(o =>
            {
                o.Recovery.ResetLinkBaseUrl = new Uri("https://localhost/ChangePassword?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://localhost/ConfirmRegistration?token=");
                o.Hashing.WorkFactor = 4;
                o.Hashing.AllowInsecureWorkFactorForTesting = true;
                o.SignIn.DeviceTokenKey = DeviceTokenKey;
            })
            .UseInMemoryStores().UseMailer(Mailer).UseCaptchaVerifier<TestCaptchaVerifier>();
        builder.Services.AddTrendAccountUI();
        _app = builder.Build();
        _app.MapTrendAccountUI();
        await _app.StartAsync();

        var accounts = _app.Services.GetRequiredService<IAccountService>();
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest(Serial))).Succeeded);
        var registration = new RegistrationRequest(Serial, Email, Password, Password, TestCaptchaVerifier.ValidResponse, new ClientContext("198.51.100.1"));
        Assert.True((await TestRegistrations.RegisterAndConfirmAsync(_app.Services, registration)).Succeeded);
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-0001"))).Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private TestBrowser NewBrowser()
    {
        var client = _app.GetTestClient();
        client.BaseAddress = new Uri("https://localhost");
        return new TestBrowser(client);
    }

    private static async Task<string> PostFormAsync(TestBrowser browser, string path, Dictionary<string, string> fields)
    {
        using var page = await browser.GetAsync(path);
        fields["__RequestVerificationToken"] = RequestToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var response = await browser.SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task CantSignInPage_RegisteredActivatedAndUnknownSerials_ShowTheSameAnswerAndNoAddress()
    {
        using var browser = NewBrowser();
        var answers = new List<string>();
        foreach (var serial in new[] { Serial, "PQRS-1234-5678-9012-0001", "PQRS-1234-5678-9012-0002" })
        {
            var html = await PostFormAsync(browser, "/CantSignIn", new()
            {
                ["Scenario"] = "wrong-information",
                ["Serial"] = serial,
                ["ForgotPassword"] = "true",
                ["ChangedEmailAddress"] = "true",
            });
            Assert.DoesNotContain("o***r", html, StringComparison.Ordinal);
            Assert.DoesNotContain(Email, html, StringComparison.Ordinal);
            var answer = html[html.IndexOf("id=\"what-to-do\"", StringComparison.Ordinal)..];
            answers.Add(answer.Replace(serial, "<serial>", StringComparison.Ordinal));
        }

        Assert.Contains("data-testid=\"support-case\"", answers[0], StringComparison.Ordinal);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task ForgotPasswordPage_WithTheOwnersDeviceCookie_GetsTheMailWhenTheAddressWindowIsSpent()
    {
        var accounts = _app.Services.GetRequiredService<IAccountService>();
        var device = (await accounts.SignInAsync(new SignInRequest(Email, Password))).DeviceToken!;
        for (var i = 0; i < 3; i++)
        {
            await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, TestCaptchaVerifier.ValidResponse, new ClientContext($"203.0.113.{i + 1}")));
        }

        await BackgroundWork.WhenIdleAsync(_app.Services);
        var spent = Mailer.MessagesTo(Email).Count(m => m.Kind == AccountMessageKind.PasswordReset);
        using var stranger = NewBrowser();
        using var owner = NewBrowser();
        owner.Cookies[TrendAccountAuthenticationDefaults.DeviceCookieName] = device;
        var fields = new Dictionary<string, string> { ["Email"] = Email, ["CaptchaResponse"] = TestCaptchaVerifier.ValidResponse };

        await PostFormAsync(stranger, "/ForgotPassword", new(fields));
        await BackgroundWork.WhenIdleAsync(_app.Services);
        var afterStranger = Mailer.MessagesTo(Email).Count(m => m.Kind == AccountMessageKind.PasswordReset);
        await PostFormAsync(owner, "/ForgotPassword", new(fields));
        await BackgroundWork.WhenIdleAsync(_app.Services);

        Assert.Equal(3, spent);
        Assert.Equal(spent, afterStranger);
        Assert.Equal(spent + 1, Mailer.MessagesTo(Email).Count(m => m.Kind == AccountMessageKind.PasswordReset));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();
}
