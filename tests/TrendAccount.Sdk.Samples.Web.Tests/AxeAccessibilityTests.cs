using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the sample and every state a failed submit leads to.</summary>
[Collection(BrowserCollection.Name)]
[AxeCoreTests]
public sealed class AxeAccessibilityTests(BrowserFixture browser, SampleSiteFixture site) : IClassFixture<SampleSiteFixture>, IAsyncLifetime
{
    private const string Email = "axe@example.com";
    private const string Password = "Quiet-Harbor-2031";
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(site.BaseUrl, bypassContentSecurityPolicy: true);

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    private Task FillAsync(string label, string value) => _page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private Task ClickAsync(string button) => _page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task EveryPage_AsFirstShown_HasNoAxeViolation()
    {
        string[] paths = ["/", "/Register", "/CantSignIn", "/FindEmail", "/ForgotPassword", "/ForgotPassword?captcha=question", "/ChangePassword?token=not-a-token", "/Dev/Outbox", "/Dev/Clock"];
        foreach (var path in paths)
        {
            await _page.GotoAsync(path);
            await AxeCore.AssertNoViolationsAsync(_page, path);
        }
    }

    [Fact]
    public async Task EveryFailedSubmit_HasNoAxeViolation()
    {
        await _page.GotoAsync("/");
        await FillAsync("Email address", "nobody@example.com");
        await FillAsync("Password", "Wrong-Password-1");
        await ClickAsync("Sign In");
        await AxeCore.AssertNoViolationsAsync(_page, "failed sign-in");

        await _page.GotoAsync("/Register");
        await FillAsync("Serial number", Serials.Seeded);
        await FillAsync("Email address", Email);
        await FillAsync("Password", Password);
        await FillAsync("Confirm password", Password + "x");
        await FillAsync("Type the characters shown", string.Concat(await _page.GetByTestId("captcha-image").Locator("text").AllTextContentsAsync()));
        await ClickAsync("Register");
        await AxeCore.AssertNoViolationsAsync(_page, "register with a mismatched confirmation");

        await _page.GotoAsync("/ForgotPassword");
        await FillAsync("Email address", Email);
        await FillAsync("Type the characters shown", "WRONG");
        await ClickAsync("Retrieve");
        await AxeCore.AssertNoViolationsAsync(_page, "forgot password, wrong captcha");

        await _page.GotoAsync("/FindEmail");
        await FillAsync("Serial number", "12");
        await FillAsync("Type the characters shown", "WRONG");
        await ClickAsync("Check Now");
        await AxeCore.AssertNoViolationsAsync(_page, "find email, wrong captcha");

        await _page.GotoAsync("/CantSignIn");
        await ClickAsync("Show me what to do");
        await AxeCore.AssertNoViolationsAsync(_page, "troubleshooter without a choice");
        await _page.GetByLabel("You received the error message", new() { Exact = false }).CheckAsync();
        await _page.GetByLabel("I forgot my password").CheckAsync();
        await _page.GetByLabel("I have already changed my email address").CheckAsync();
        await ClickAsync("Show me what to do");
        await AxeCore.AssertNoViolationsAsync(_page, "troubleshooter answer");
    }

    [Fact]
    public async Task SignedInPage_HasNoAxeViolation()
    {
        await site.RegisterAsync("ALLY-1234-5678-9012-3456", Email, Password);
        await _page.GotoAsync("/");
        await FillAsync("Email address", Email);
        await FillAsync("Password", Password);
        await ClickAsync("Sign In");
        await Expect(_page.GetByTestId("signed-in-as")).ToHaveTextAsync(Email);

        await AxeCore.AssertNoViolationsAsync(_page, "account page");
    }
}
