using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// WCAG 2.1 AA beyond what axe-core sees (<see cref="AxeAccessibilityTests"/>): focus moving to the answer, errors
/// tied to their fields and said once, the title saying "Error", a skip link, no sideways scrolling at 360 px.
/// </summary>
[Collection(BrowserCollection.Name)]
[ChromiumTests]
public sealed class AccessibilityTests(BrowserFixture browser, SampleSiteFixture site) : IClassFixture<SampleSiteFixture>, IAsyncLifetime
{
    private const string Email = "ally@example.com";
    private const string Password = "Quiet-Harbor-2031";
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.NewPageAsync(site.BaseUrl);

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    private Task FillAsync(string label, string value) => _page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private Task ClickAsync(string button) => _page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    // Waits (Playwright's expect retries) for the page after a submit to load and settle focus.
    private Task ExpectFocusOnAsync(string id) => Expect(_page.Locator("#" + id)).ToBeFocusedAsync();

    private async Task ExpectTiedToMessageAsync(string label)
    {
        var field = _page.GetByLabel(label, new() { Exact = true });
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("form-message", (await field.GetAttributeAsync("aria-describedby"))!.Split(' '));
    }

    [Fact]
    public async Task SignIn_Failed_MovesFocusToTheMessageTiesItToBothFieldsAndSaysErrorInTheTitle()
    {
        await _page.GotoAsync("/");
        await FillAsync("Email address", "nobody@example.com");
        await FillAsync("Password", "Wrong-Password-1");
        await ClickAsync("Sign In");

        await Expect(_page.GetByTestId("message")).ToBeVisibleAsync();
        await ExpectFocusOnAsync("form-message");
        await ExpectTiedToMessageAsync("Email address");
        await ExpectTiedToMessageAsync("Password");
        await Expect(_page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: Sign in"));
        // Focused, so no live region as well: a screen reader reads the message once.
        Assert.Null(await _page.GetByTestId("message").GetAttributeAsync("role"));
    }

    [Fact]
    public async Task Register_MismatchedConfirmation_MarksOnlyTheConfirmationAndSaysItOnce()
    {
        await _page.GotoAsync("/Register");
        await FillAsync("Serial number", Serials.Seeded);
        await FillAsync("Email address", "mismatch@example.com");
        await FillAsync("Password", Password);
        await FillAsync("Confirm password", Password + "x");
        // The captcha is checked first: solved, so the mismatch is what the page reports.
        await FillAsync("Type the characters shown", string.Concat(await _page.GetByTestId("captcha-image").Locator("text").AllTextContentsAsync()));
        await ClickAsync("Register");

        await ExpectFocusOnAsync("form-message");
        await ExpectTiedToMessageAsync("Confirm password");
        Assert.Null(await _page.GetByLabel("Password", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        var text = await _page.GetByTestId("message").InnerTextAsync();
        const string Mismatch = "do not match";
        Assert.Equal(text.IndexOf(Mismatch, StringComparison.Ordinal), text.LastIndexOf(Mismatch, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgotPassword_WrongCaptcha_TiesTheMessageToTheCaptchaField()
    {
        await _page.GotoAsync("/ForgotPassword");
        await FillAsync("Email address", "someone@example.com");
        await FillAsync("Type the characters shown", "WRONG");
        await ClickAsync("Retrieve");

        await ExpectFocusOnAsync("form-message");
        await ExpectTiedToMessageAsync("Type the characters shown");
        await Expect(_page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
    }

    [Fact]
    public async Task ForgotPassword_TextQuestionInsteadOfTheImage_IsReadAsTextAndAccepted()
    {
        await site.RegisterAsync("HEAR-1234-5678-9012-3456", "no.image@example.com", Password);
        await _page.GotoAsync("/ForgotPassword");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Can't see the characters? Answer a question instead" }).ClickAsync();

        // The question is the field's label: what a screen reader announces on the field.
        var field = _page.GetByLabel(new System.Text.RegularExpressions.Regex("^What is [a-z]+ plus [a-z]+\\?"));
        var question = await _page.Locator("label[for=CaptchaAnswer]").InnerTextAsync();
        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        var words = question.Split(' ');
        var sum = Array.IndexOf(numbers, words[2]) + Array.IndexOf(numbers, words[4].TrimEnd('?'));
        await FillAsync("Email address", "no.image@example.com");
        await field.FillAsync(sum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ClickAsync("Retrieve");

        await Expect(_page.GetByTestId("message")).ToContainTextAsync("Check your email to reset your account password.");
        Assert.Equal(0, await _page.GetByTestId("captcha-image").CountAsync());
    }

    [Fact]
    public async Task Troubleshooter_Answer_TakesFocusAndChangesTheTitle()
    {
        await _page.GotoAsync("/CantSignIn");
        await _page.GetByLabel("You received the error message", new() { Exact = false }).CheckAsync();
        await _page.GetByLabel("I forgot my password").CheckAsync();
        await ClickAsync("Show me what to do");

        await Expect(_page.GetByTestId("steps")).ToBeVisibleAsync();
        await ExpectFocusOnAsync("what-to-do");
        await Expect(_page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^What to do"));
    }

    [Fact]
    public async Task SkipLink_FirstTab_ReachesItAndItMovesFocusPastTheHeader()
    {
        await _page.GotoAsync("/CantSignIn");

        await _page.Keyboard.PressAsync("Tab");
        var skip = _page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");

        await ExpectFocusOnAsync("main");
    }

    [Fact]
    public async Task Outbox_At360Pixels_DoesNotScrollSideways()
    {
        await site.RegisterAsync("WIDE-1234-5678-9012-3456", "a.rather.long.address.for.a.narrow.screen@example.com", Password);
        await _page.SetViewportSizeAsync(360, 740);
        await _page.GotoAsync("/ForgotPassword");
        await FillAsync("Email address", "a.rather.long.address.for.a.narrow.screen@example.com");
        var characters = string.Concat(await _page.GetByTestId("captcha-image").Locator("text").AllTextContentsAsync());
        await FillAsync("Type the characters shown", characters);
        await ClickAsync("Retrieve");
        await Expect(_page.GetByTestId("message")).ToContainTextAsync("Check your email");

        // The SDK mails off the response path: the row may land a moment later.
        await _page.GotoAsync("/Dev/Outbox");
        var row = _page.Locator("tr[data-kind=PasswordReset]");
        for (var attempt = 0; attempt < 100 && await row.CountAsync() == 0; attempt++)
        {
            await _page.ReloadAsync();
        }

        Assert.Equal(1, await row.CountAsync());

        var overflow = await _page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 360px screen");
    }
}
