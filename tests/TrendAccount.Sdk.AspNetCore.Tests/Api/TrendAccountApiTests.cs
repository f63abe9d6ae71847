using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

public sealed class TrendAccountApiTests
{
    private const string NewPassword = "Green-Heron-2024";

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(TestBrowser browser, string path, object body)
    {
        using var response = await browser.PostJsonAsync(path, body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ResetTokenAsync(SiteFactory site, TestBrowser browser)
    {
        var mail = site.Stores.Mailer.NextToAsync(SiteFactory.Email);
        var (status, _) = await PostAsync(browser, "/account/forgot-password", new { email = SiteFactory.Email, captchaResponse = TestCaptchaVerifier.ValidResponse });
        Assert.Equal(HttpStatusCode.OK, status);
        var link = (await mail).Link!;
        return Uri.UnescapeDataString(link.Query[(link.Query.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);
    }

    [Fact]
    public async Task SignIn_UnknownEmailAndWrongPassword_AnswerIdentically()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var wrongPassword = await PostAsync(browser, "/account/signin", new { email = SiteFactory.Email, password = "Not-The-Password-1" });
        var unknownEmail = await PostAsync(browser, "/account/signin", new { email = "nobody@example.com", password = "Not-The-Password-1" });

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(wrongPassword, unknownEmail);
        var body = JsonDocument.Parse(wrongPassword.Body).RootElement;
        Assert.False(body.GetProperty("succeeded").GetBoolean());
        Assert.Equal("Failed", body.GetProperty("status").GetString());
        Assert.Equal(TrendAccountMessages.Default.WrongInformation, body.GetProperty("message").GetString());
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task SignIn_SurroundingSpaces_ReportsHintsAndAdvice()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var (_, text) = await PostAsync(browser, "/account/signin", new { email = "  nobody@example.com ", password = "Not-The-Password-1" });
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Contains("SurroundingWhitespace", body.GetProperty("hints").EnumerateArray().Select(h => h.GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("advice").GetString()));
    }

    [Theory]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", "application/json", HttpStatusCode.BadRequest)]
    public async Task SignIn_Misuse_AnswersProblemDetails(string body, string contentType, HttpStatusCode expected)
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        using var response = await browser.SendAsync(HttpMethod.Post, "/account/signin", new StringContent(body, Encoding.UTF8, contentType));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task SignIn_FormPost_Returns415()
    {
        // Routing refuses it (the endpoint accepts only JSON), so a cross-site HTML form can never reach a flow.
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        using var response = await browser.SendAsync(HttpMethod.Post, "/account/signin", new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Register_ActivatedSerial_ConfirmedByTheMailedLinkAndTheCustomerCanSignIn()
    {
        await using var site = new SiteFactory();
        await site.Accounts.ActivateProductAsync(new ProductActivationRequest(SiteFactory.SeedSerial));
        using var browser = site.CreateBrowser();

        var (status, text) = await PostAsync(browser, "/account/register",
            new { serial = "pqrs 1234 5678 9012 3456", email = SiteFactory.Email, password = SiteFactory.Password, confirmation = SiteFactory.Password, captchaResponse = TestCaptchaVerifier.ValidResponse });
        var body = JsonDocument.Parse(text).RootElement;
        var link = (await site.Stores.Mailer.NextToAsync(SiteFactory.Email)).Link!.AbsoluteUri;
        var (confirmStatus, confirmText) = await PostAsync(browser, "/account/register/confirm", new { token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..] });
        var confirmed = JsonDocument.Parse(confirmText).RootElement;
        var signIn = await browser.SignInAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, confirmStatus);
        Assert.Equal("Succeeded", confirmed.GetProperty("status").GetString());
        Assert.Equal(SiteFactory.SeedSerial, confirmed.GetProperty("serial").GetString());
        Assert.True(signIn.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Register_ResellerSerial_NamesTheResellerAndRegistersNothing()
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        var (_, text) = await PostAsync(browser, "/account/register",
            new { serial = "TQRS-1234-5678-9012-3456", email = SiteFactory.Email, password = SiteFactory.Password, confirmation = SiteFactory.Password, captchaResponse = TestCaptchaVerifier.ValidResponse });
        var body = JsonDocument.Parse(text).RootElement;

        Assert.False(body.GetProperty("succeeded").GetBoolean());
        Assert.Equal("ResellerSerial", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("resellerContact").GetString()));
    }

    [Fact]
    public async Task Register_BadPasswordAndMismatch_ListsEveryPasswordProblem()
    {
        await using var site = new SiteFactory();
        await site.Accounts.ActivateProductAsync(new ProductActivationRequest(SiteFactory.SeedSerial));
        using var browser = site.CreateBrowser();

        var (_, text) = await PostAsync(browser, "/account/register",
            new { serial = SiteFactory.SeedSerial, email = SiteFactory.Email, password = "short", confirmation = "shorter", captchaResponse = TestCaptchaVerifier.ValidResponse });
        var problems = JsonDocument.Parse(text).RootElement.GetProperty("passwordProblems").EnumerateArray().Select(p => p.GetString()).ToArray();

        Assert.Contains("TooShort", problems);
        Assert.Contains("ConfirmationMismatch", problems);
    }

    [Fact]
    public async Task ForgotPassword_ExistingAndUnknownAddress_AnswerIdentically()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var existing = await PostAsync(browser, "/account/forgot-password", new { email = SiteFactory.Email, captchaResponse = TestCaptchaVerifier.ValidResponse });
        var unknown = await PostAsync(browser, "/account/forgot-password", new { email = "nobody@example.com", captchaResponse = TestCaptchaVerifier.ValidResponse });

        Assert.Equal(HttpStatusCode.OK, existing.Status);
        Assert.Equal(existing, unknown);
        Assert.Equal("Accepted", JsonDocument.Parse(existing.Body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ForgotPassword_WrongCaptcha_SaysSoAndSendsNothing()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var (_, text) = await PostAsync(browser, "/account/forgot-password", new { email = SiteFactory.Email, captchaResponse = "wrong" });

        Assert.Equal("CaptchaFailed", JsonDocument.Parse(text).RootElement.GetProperty("status").GetString());
        Assert.Empty(site.Stores.Mailer.Sent);
    }

    [Fact]
    public async Task ForgotEmail_RegisteredSerial_ShowsTheMaskedAddress()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var (status, text) = await PostAsync(browser, "/account/forgot-email", new { serial = SiteFactory.SeedSerial, captchaResponse = TestCaptchaVerifier.ValidResponse });
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("succeeded").GetBoolean());
        var masked = body.GetProperty("maskedEmail").GetString()!;
        Assert.Contains("***", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(SiteFactory.Email, masked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotEmail_OverTheClientLimit_Returns429WithRetryAfter()
    {
        // A client with an address: per-client limits are skipped for a request without one (issue #11 item 5).
        await using var site = await new SiteFactory(new() { ["TrendAccount:RateLimits:EmailRecoveryPerClient:PermitLimit"] = "2" }) { RemoteAddress = IPAddress.Parse("203.0.113.5") }.WithAccountAsync();
        using var browser = site.CreateBrowser();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(browser, "/account/forgot-email", new { serial = SiteFactory.SeedSerial, captchaResponse = TestCaptchaVerifier.ValidResponse })).Status);
        }

        using var limited = await browser.PostJsonAsync("/account/forgot-email", new { serial = SiteFactory.SeedSerial, captchaResponse = TestCaptchaVerifier.ValidResponse });
        var body = await limited.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("RateLimited", body.GetProperty("status").GetString());
        Assert.Equal(TrendAccountMessages.Default.TooManyAttempts, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ResetPassword_FromTheMailedLink_ChangesPasswordOnceAndEndsSessions()
    {
        await using var site = await new SiteFactory(services: s => s.AddTrendAccountAuthentication(o => o.SessionCacheDuration = TimeSpan.FromSeconds(30))).WithAccountAsync();
        using var signedIn = site.CreateBrowser();
        await signedIn.SignInAsync();
        (await signedIn.GetAsync("/account/session")).Dispose();
        using var browser = site.CreateBrowser();
        var token = await ResetTokenAsync(site, browser);

        var validBefore = await PostAsync(browser, "/account/reset-password/validate", new { token });
        var reset = await PostAsync(browser, "/account/reset-password", new { token, newPassword = NewPassword, confirmation = NewPassword });
        var validAfter = await PostAsync(browser, "/account/reset-password/validate", new { token });
        var again = await PostAsync(browser, "/account/reset-password", new { token, newPassword = NewPassword, confirmation = NewPassword });
        using var oldSession = await signedIn.GetAsync("/account/session");
        var signIn = await browser.SignInAsync(password: NewPassword);

        Assert.True(JsonDocument.Parse(validBefore.Body).RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("Succeeded", JsonDocument.Parse(reset.Body).RootElement.GetProperty("status").GetString());
        Assert.False(JsonDocument.Parse(validAfter.Body).RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("InvalidLink", JsonDocument.Parse(again.Body).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.True(signIn.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task ResetPassword_PolicyBroken_ListsProblemsAndTheLinkStillWorks()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        var token = await ResetTokenAsync(site, browser);

        var (_, text) = await PostAsync(browser, "/account/reset-password", new { token, newPassword = "short", confirmation = "short" });
        var valid = await PostAsync(browser, "/account/reset-password/validate", new { token });

        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("InvalidPassword", body.GetProperty("status").GetString());
        Assert.Contains("TooShort", body.GetProperty("passwordProblems").EnumerateArray().Select(p => p.GetString()));
        Assert.True(JsonDocument.Parse(valid.Body).RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task ResetPassword_TooManyInvalidLinks_Returns429WithRetryAfter()
    {
        // A client with an address: per-client limits are skipped for a request without one (issue #11 item 5).
        await using var site = new SiteFactory(new() { ["TrendAccount:RateLimits:InvalidResetTokensPerClient:PermitLimit"] = "2" }) { RemoteAddress = IPAddress.Parse("203.0.113.5") };
        using var browser = site.CreateBrowser();
        HttpStatusCode last = default;
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 4 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await browser.PostJsonAsync("/account/reset-password", new { token = "not-a-token-" + i, newPassword = NewPassword, confirmation = NewPassword });
            last = response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(TimeSpan.FromMinutes(15), retryAfter);
    }

    [Fact]
    public async Task ChangePassword_WithAntiforgeryToken_ChangesPasswordAndReplacesCookie()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        var oldToken = browser.SessionCookie!;
        await browser.FetchAntiforgeryAsync();

        var (status, text) = await PostAsync(browser, "/account/change-password", new { currentPassword = SiteFactory.Password, newPassword = NewPassword, confirmation = NewPassword });
        using var session = await browser.GetAsync("/account/session");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Succeeded", JsonDocument.Parse(text).RootElement.GetProperty("status").GetString());
        Assert.NotEqual(oldToken, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Null(await site.Accounts.ValidateSessionAsync(oldToken));
    }

    [Fact]
    public async Task ChangePassword_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();

        var (status, _) = await PostAsync(browser, "/account/change-password", new { currentPassword = SiteFactory.Password, newPassword = NewPassword, confirmation = NewPassword });
        var signIn = await site.Accounts.SignInAsync(new SignInRequest(SiteFactory.Email, SiteFactory.Password));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(signIn.Succeeded);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_SaysSo()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();
        await browser.SignInAsync();
        await browser.FetchAntiforgeryAsync();

        var (status, text) = await PostAsync(browser, "/account/change-password", new { currentPassword = "Not-The-Password-1", newPassword = NewPassword, confirmation = NewPassword });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CurrentPasswordIncorrect", JsonDocument.Parse(text).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChangePassword_NotSignedIn_Returns401()
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        var (status, _) = await PostAsync(browser, "/account/change-password", new { currentPassword = SiteFactory.Password, newPassword = NewPassword, confirmation = NewPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Troubleshoot_ChangedAddressAndForgotPassword_SendsToTechnicalSupportWithACase()
    {
        await using var site = await new SiteFactory().WithAccountAsync();
        using var browser = site.CreateBrowser();

        var (status, text) = await PostAsync(browser, "/account/troubleshoot", new { serial = SiteFactory.SeedSerial, changedEmailAddress = true, forgotPassword = true });
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("ContactTechnicalSupport", body.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(SiteFactory.SeedSerial, body.GetProperty("supportCase").GetProperty("serial").GetString());
    }

    [Fact]
    public async Task Troubleshoot_ResellerSerial_SaysContactTheReseller()
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        var (_, text) = await PostAsync(browser, "/account/troubleshoot", new { serial = "TQRS-1234-5678-9012-3456" });
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal("ContactReseller", Assert.Single(body.GetProperty("steps").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("Reseller", body.GetProperty("channel").GetString());
    }

    [Theory]
    [InlineData("NoSuchStep")]
    [InlineData("3")]
    public async Task Troubleshoot_UnknownStepCode_AnswersProblemDetails(string code)
    {
        await using var site = new SiteFactory();
        using var browser = site.CreateBrowser();

        using var response = await browser.PostJsonAsync("/account/troubleshoot", new { alreadyTried = new[] { code } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
