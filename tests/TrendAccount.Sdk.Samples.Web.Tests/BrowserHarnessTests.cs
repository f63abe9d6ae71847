namespace TrendAccount.Sdk.Samples.Web.Tests;

[Collection(BrowserCollection.Name)]
[ChromiumTests]
public sealed class BrowserHarnessTests(BrowserFixture browser)
{
    [Fact]
    public async Task Chromium_Headless_RendersAndRunsPage()
    {
        var page = await browser.NewPageAsync("http://127.0.0.1/");
        try
        {
            await page.SetContentAsync("<title>harness</title><p id='x'>0</p><script>document.getElementById('x').textContent = 6 * 7;</script>");

            Assert.Equal("harness", await page.TitleAsync());
            Assert.Equal("42", await page.Locator("#x").TextContentAsync());
            Assert.Contains("Chrom", browser.Browser.BrowserType.Name, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
