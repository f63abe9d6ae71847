using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// Journey 4: "Forgot your password?" — captcha, "Retrieve", the emailed link from the Outbox page, the new-password
/// form's rules, "Password Changed", sign in with the new password, and the used link no longer valid.
/// </summary>
public sealed class Journey4ForgotPasswordTests(BrowserFixture browser, SampleSiteFixture site) : JourneyTest(browser, site)
{
    private const string Email = "alex.kim@example.com";
    private const string OldPassword = "Old-Password-2016";
    private const string NewPassword = "Amber-Meadow-2017";

    [Fact]
    public async Task ResetPassword_FromEmailedLink_ChangesPasswordAndLinkIsSingleUse()
    {
        await Site.RegisterAsync("RSET-4321-8765-2109-6543", Email, OldPassword);

        await OpenAsync("/");
        await Page.GetByText("Forgot your password?").ClickAsync();
        await FillAsync("Email address", Email);
        await FillAsync("Type the characters shown", "wrong");
        await ClickAsync("Retrieve");
        await ExpectMessageAsync("Type the characters shown, then try again.");

        await SolveCaptchaAsync();
        await ClickAsync("Retrieve");
        await ExpectMessageAsync("Check your email to reset your account password.");
        await Screenshots.SaveAsync(Page, "04a-check-your-email");

        var link = await ResetLinkFromOutboxAsync();
        await Screenshots.SaveAsync(Page, "04b-outbox");
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Link, new() { Name = "change your password now" }).ClickAsync(),
            r => r.Url.Contains("/ChangePassword", StringComparison.Ordinal));
        Assert.Equal("no-referrer", await response.HeaderValueAsync("referrer-policy"));
        await Expect(Page.GetByText("Your password should be between 8 and 50 characters long.")).ToBeVisibleAsync();

        await FillAsync("New password", NewPassword);
        await FillAsync("Confirm new password", NewPassword + "x");
        await ClickAsync("Update Password");
        await ExpectMessageAsync("The new password and its confirmation do not match.");

        await FillAsync("New password", "Ab1-xyz");
        await FillAsync("Confirm new password", "Ab1-xyz");
        await ClickAsync("Update Password");
        await ExpectMessageAsync("Your password should be between 8 and 50 characters long.");

        await FillAsync("New password", NewPassword);
        await FillAsync("Confirm new password", NewPassword);
        await ClickAsync("Update Password");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Password Changed" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "04c-password-changed");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign In", Exact = true }).ClickAsync();
        await FillAsync("Email address", Email);
        await FillAsync("Password", NewPassword);
        await ClickAsync("Sign In");
        await ExpectSignedInAsync();

        await Page.GotoAsync(link);
        await ExpectMessageAsync("no longer valid");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(Page, "04-reset-link-used");

        var token = new Uri(link).Query.Split("token=")[1];
        Site.AssertNotLogged(token, NewPassword, OldPassword, Email);
    }

    private async Task<string> ResetLinkFromOutboxAsync()
    {
        // The SDK mails off the response path: the message may land a moment after "Retrieve" answered.
        await OpenAsync("/Dev/Outbox");
        var row = Page.Locator("tr[data-kind=PasswordReset] a");
        for (var attempt = 0; attempt < 100 && await row.CountAsync() == 0; attempt++)
        {
            await Page.ReloadAsync();
        }

        var href = await row.First.GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.StartsWith(Site.BaseUrl + "/ChangePassword?token=", href, StringComparison.Ordinal);
        return href;
    }
}
