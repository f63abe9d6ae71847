using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>Journey 2: wrong passwords get the one generic message; five lock the account until the clock passes.</summary>
public sealed class Journey2LockoutTests(BrowserFixture browser, SampleSiteFixture site) : JourneyTest(browser, site)
{
    private const string Email = "lock.out@example.com";
    private const string Password = "Correct-Horse-42";
    private const string Generic = "You did not provide the right information. Please try again.";

    [Fact]
    public async Task SignIn_FiveWrongPasswords_GenericMessageThenLockedUntilClockPasses()
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

        // Locked: the right password now gets exactly the same answer.
        await SignInAsync(Email, Password);
        await Expect(Message).ToContainTextAsync(Generic);
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);

        await OpenAsync("/Dev/Clock");
        await ClickAsync("Advance 16 minutes");
        await Expect(Page.GetByTestId("clock-offset")).ToContainTextAsync("00:16:00");

        await SignInAsync(Email, Password);
        await ExpectSignedInAsync();
        await Screenshots.SaveAsync(Page, "02-lockout-expired-sign-in");
        Site.AssertNotLogged(Password, "Wrong-Password-1", Email);
    }
}
