using static Microsoft.Playwright.Assertions;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>Journey 3: "Forgot which address you used before?" with a registered, a reseller and an unactivated serial.</summary>
public sealed class Journey3FindEmailTests(BrowserFixture browser, SampleSiteFixture site) : JourneyTest(browser, site)
{
    private const string Serial = "FIND-5555-6666-7777-8888";

    [Fact]
    public async Task CheckNow_ThreeKindsOfSerial_MaskedAddressResellerGuidanceInstallFirst()
    {
        await Site.RegisterAsync(Serial, "sam.lee@example.com", "Quiet-Lantern-77");

        await OpenAsync("/");
        await Page.GetByText("Forgot which address you used before?").ClickAsync();
        await CheckNowAsync("find 5555 6666 7777 8888");
        await ExpectMessageAsync("Your Trend Micro Account uses the email address s***e@");
        await Expect(Message).Not.ToContainTextAsync("sam.lee@example.com");
        await Screenshots.SaveAsync(Page, "03a-find-email-masked");

        await CheckNowAsync(Serials.Reseller);
        await ExpectMessageAsync("Contact Best Buy or your Internet Service Provider (ISP).");

        await CheckNowAsync(Serials.NeverActivated);
        await ExpectMessageAsync("You must first install, then activate your Trend Micro Security for you to have a Trend Micro Account.");
        await Screenshots.SaveAsync(Page, "03-find-email-install-first");
    }

    private async Task CheckNowAsync(string serial)
    {
        await FillAsync("Serial number", serial);
        await SolveCaptchaAsync();
        await ClickAsync("Check Now");
    }
}
