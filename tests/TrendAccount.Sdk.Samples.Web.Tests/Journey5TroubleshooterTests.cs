using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>Journey 5: "Can't sign in?" — the article's three scenarios, and the steps the SDK returns for each.</summary>
public sealed class Journey5TroubleshooterTests(BrowserFixture browser, SampleSiteFixture site) : JourneyTest(browser, site)
{
    [Fact]
    public async Task Troubleshooter_ThreeScenarios_ShowsTheArticlesSteps()
    {
        await OpenAsync("/");
        await Page.GetByText("Can't sign in?").First.ClickAsync();

        // 1. Wrong information, forgot the password and no access to the old mailbox: retype, then Technical Support.
        await Page.GetByLabel("You received the error message").CheckAsync();
        await Page.GetByLabel("I forgot my password").CheckAsync();
        await ClickAsync("Show me what to do");
        var steps = Page.GetByTestId("steps");
        await Expect(steps.Locator("li[data-step=RetypeCredentials]")).ToContainTextAsync("Ensure there are no extra spaces or duplicate characters.");
        await Expect(steps.Locator("li[data-step=ResetPassword]")).ToContainTextAsync("Forgot your password?");
        await Expect(Page.GetByTestId("support-case")).ToHaveCountAsync(0);

        await Page.GetByLabel("I no longer have access to my old email address").CheckAsync();
        await ClickAsync("Show me what to do");
        await Expect(steps.Locator("li[data-step=ContactTechnicalSupport]")).ToBeVisibleAsync();
        await Expect(steps.Locator("li[data-step=ResetPassword]")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("support-case")).ToContainTextAsync("no longer has access to the old email address");
        await Screenshots.SaveAsync(Page, "05a-troubleshooter-wrong-information");

        // 2. Bought from Best Buy or an ISP: the serial starts with T.
        await Page.GetByLabel("I forgot my password").UncheckAsync();
        await Page.GetByLabel("I no longer have access to my old email address").UncheckAsync();
        await Page.GetByLabel("You purchased the program from Best Buy").CheckAsync();
        await FillAsync("Serial number", Serials.Reseller);
        await ClickAsync("Show me what to do");
        await Expect(steps.Locator("li")).ToHaveCountAsync(1);
        await Expect(steps.Locator("li[data-step=ContactReseller]")).ToContainTextAsync("Contact Best Buy or your Internet Service Provider (ISP)");
        await Screenshots.SaveAsync(Page, "05b-troubleshooter-reseller");

        // 3. Not installed and activated yet.
        await Page.GetByLabel("Your program is not yet installed and activated").CheckAsync();
        await FillAsync("Serial number", Serials.NeverActivated);
        await ClickAsync("Show me what to do");
        await Expect(steps.Locator("li")).ToHaveCountAsync(1);
        await Expect(steps.Locator("li[data-step=InstallAndActivate]")).ToContainTextAsync("You must first install, then activate");
        await Screenshots.SaveAsync(Page, "05-troubleshooter-not-activated");
    }
}
