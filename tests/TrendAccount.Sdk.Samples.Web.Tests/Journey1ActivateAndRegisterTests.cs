using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// Journey 1: install and activate, register (captcha, "check your email"), follow the confirmation link from the
/// Outbox page, then sign in with the email typed with surrounding spaces.
/// </summary>
public sealed class Journey1ActivateAndRegisterTests(BrowserFixture browser, SampleSiteFixture site) : JourneyTest(browser, site)
{
    private const string Serial = "ABCD-2345-6789-0123-4567";
    private const string Password = "Blue-Harbor-2017!";

    [Fact]
    public async Task ActivateRegisterAndSignIn_EmailWithSurroundingSpaces_SignsIn()
    {
        await OpenAsync("/Register");
        await TypeAsync("Serial number to activate", "abcd 2345 6789 0123 4567");
        await ClickAsync("Install and activate");
        await ExpectMessageAsync("Your Trend Micro program is installed and activated.");
        await Expect(Page.GetByLabel("Serial number", new() { Exact = true })).ToHaveValueAsync(Serial);

        await TypeAsync("Email address", "jane.doe@example.com");
        await FillAsync("Password", Password);
        await FillAsync("Confirm password", Password);
        await SolveCaptchaAsync();
        await ClickAsync("Register");
        await ExpectMessageAsync("Check your email to finish creating your Trend Micro Account.");

        // The confirmation mail is sent off the response path: it may land a moment after "Register" answered.
        await OpenAsync("/Dev/Outbox");
        var row = Page.Locator("tr[data-kind=RegistrationConfirmation] a");
        for (var attempt = 0; attempt < 100 && await row.CountAsync() == 0; attempt++)
        {
            await Page.ReloadAsync();
        }

        var link = await row.First.GetAttributeAsync("href");
        Assert.NotNull(link);
        Assert.StartsWith(Site.BaseUrl + "/ConfirmRegistration?token=", link, StringComparison.Ordinal);
        await Page.GotoAsync(link);
        await ClickAsync("Create my account");
        await ExpectMessageAsync("Your Trend Micro Account is ready. Click Sign In.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign In", Exact = true }).ClickAsync();
        await TypeAsync("Email address", "  jane.doe@example.com  ");
        // What is posted keeps the spaces (a type="email" field would strip them): the SDK is what trims them.
        await Expect(Page.GetByLabel("Email address", new() { Exact = true })).ToHaveValueAsync("  jane.doe@example.com  ");
        await FillAsync("Password", Password);
        await ClickAsync("Sign In");

        await ExpectSignedInAsync();
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveTextAsync("jane.doe@example.com");
        await Screenshots.SaveAsync(Page, "01-register-and-sign-in");
        Site.AssertNotLogged(Password, "jane.doe@example.com", new Uri(link).Query.Split("token=")[1]);
    }
}
