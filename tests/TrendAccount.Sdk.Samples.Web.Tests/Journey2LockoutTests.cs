using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>Journey 2: wrong passwords get the one generic message; after five the sign-in page asks for a captcha, and with it the right password signs in (issue #11: no lockout).</summary>
public sealed class Journey2LockoutTests(BrowserFixture browser, SampleSiteFixture site) : JourneyTest(browser, site)
{
    private const string Email = "lock.out@example.com";
    private const string Password = "Correct-Horse-42";
    private const string Generic = "You did not provide the right information. Please try again.";

    [Fact]
    public async Task SignIn_FiveWrongPasswords_GenericMessageThenCaptchaAndRightPasswordSignIn()
    {
        await Site.RegisterAsync("LOCK-1111-2222-3333-4444", Email, Password);

        // The first try types the address in full-width letters (an input method left on), the second with spaces
        // around it: the generic message each time, plus the SDK's hint about what the input showed.
        await SignInAsync("ｌｏｃｋ.out@example.com", "Wrong-Password-1");
        await Expect(Message).ToContainTextAsync(Generic);
        await Expect(Message).ToContainTextAsync("full-width characters");

        await SignInAsync("  " + Email + " ", "Wrong-Password-2");
        await Expect(Message).ToContainTextAsync(Generic);
        await Expect(Message).ToContainTextAsync("What you typed had extra spaces.");
        await Screenshots.SaveAsync(Page, "02a-wrong-password");

        for (var attempt = 3; attempt <= 5; attempt++)
        {
            await SignInAsync(Email, $"Wrong-Password-{attempt}");
            await Expect(Message).ToContainTextAsync(Generic);
            await Expect(Message).Not.ToContainTextAsync("What you typed");
        }

        // The address's shared failure budget is spent and this browser is no trusted device: the right password
        // alone now meets the captcha step, with the typed address kept; with the captcha solved it signs in.
        await SignInAsync(Email, Password);
        await Expect(Message).ToContainTextAsync("For your security, type the characters shown, then sign in again.");
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Email address", new() { Exact = true })).ToHaveValueAsync(Email);
        await Expect(Page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
        await Screenshots.SaveAsync(Page, "02b-sign-in-captcha");

        await SolveCaptchaAsync();
        await FillAsync("Password", Password);
        await ClickAsync("Sign In");
        await ExpectSignedInAsync();
        await Screenshots.SaveAsync(Page, "02-sign-in-with-captcha");
        Site.AssertNotLogged(Password, "Wrong-Password-1", Email);
    }
}
