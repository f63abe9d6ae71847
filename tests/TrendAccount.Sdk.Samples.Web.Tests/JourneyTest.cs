using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// A journey through the sample's real pages in headless Chromium: one browser context (own cookies) per test,
/// one site with a fresh SQLite file per test class.
/// </summary>
[Collection(BrowserCollection.Name)]
[ChromiumTests]
public abstract class JourneyTest(BrowserFixture browser, SampleSiteFixture site) : IClassFixture<SampleSiteFixture>, IAsyncLifetime
{
    protected SampleSiteFixture Site { get; } = site;

    protected IPage Page { get; private set; } = null!;

    /// <summary>The message the page shows (the SDK's text).</summary>
    protected ILocator Message => Page.GetByTestId("message");

    public async Task InitializeAsync() => Page = await browser.NewPageAsync(Site.BaseUrl);

    public async Task DisposeAsync() => await Page.Context.CloseAsync();

    protected Task OpenAsync(string path) => Page.GotoAsync(path);

    protected Task ClickAsync(string buttonName) =>
        Page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();

    protected Task FillAsync(string label, string value) => Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>Types into a field key by key, as a person would (slower than <see cref="FillAsync"/>; used where the keys matter).</summary>
    protected async Task TypeAsync(string label, string value)
    {
        var field = Page.GetByLabel(label, new() { Exact = true });
        await field.ClearAsync();
        await field.PressSequentiallyAsync(value);
    }

    /// <summary>
    /// Types the characters the captcha image shows, as a customer does. The page does not give them away (issue #11),
    /// so the test asks the site in-process for the answer to the challenge token on the page.
    /// </summary>
    protected async Task SolveCaptchaAsync()
    {
        var image = Page.GetByTestId("captcha-image");
        await Expect(image).ToBeVisibleAsync();
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 200"), "the captcha image did not load");
        var characters = Site.CaptchaAnswer(await Page.Locator("input[name=CaptchaToken]").GetAttributeAsync("value"));
        Assert.Matches("^[A-Z0-9]{5}$", characters);
        await FillAsync("Type the characters shown", characters.ToLowerInvariant());
    }

    protected async Task SignInAsync(string email, string password)
    {
        await OpenAsync("/");
        await FillAsync("Email address", email);
        await FillAsync("Password", password);
        await ClickAsync("Sign In");
    }

    protected Task ExpectSignedInAsync() =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your Trend Micro Account" })).ToBeVisibleAsync();

    protected Task ExpectMessageAsync(string text) => Expect(Message).ToContainTextAsync(text);

    protected static Regex Exactly(string text) => new("^" + Regex.Escape(text) + "$");
}
