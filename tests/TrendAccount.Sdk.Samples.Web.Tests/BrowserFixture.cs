using Microsoft.Playwright;
using TrendAccount.Sdk.ServerTests;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// One headless Debian Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>) shared by every journey.
/// Playwright's own browser download is never used: the machine has no internet.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Chromium binary; <c>TRENDACCOUNT_CHROMIUM</c> overrides it.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("TRENDACCOUNT_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (!RequiresServerAttribute.Required)
            {
                return;   // every browser test is skipped with the reason ([ChromiumTests])
            }

            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}, and {RequiresServerAttribute.RequireVariable}=1 says the browser tests must run: " +
                "run 'apt-get install -y chromium' (.ci/run does) or set TRENDACCOUNT_CHROMIUM.");
        }

        // CI runs every test assembly at once on two cores: wait longer than Playwright's 5 s before failing.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh context (own cookies) with a fixed viewport, so screenshots are comparable.</summary>
    /// <param name="baseUrl">The site.</param>
    /// <param name="bypassContentSecurityPolicy">Lets the accessibility checks inject axe-core into pages whose policy allows no script.</param>
    public async Task<IPage> NewPageAsync(string baseUrl, bool bypassContentSecurityPolicy = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1000, Height = 760 },
            Locale = "en-US",
            BypassCSP = bypassContentSecurityPolicy,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}
