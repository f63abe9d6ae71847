using Microsoft.Playwright;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// Saves the last page of each journey to <c>artifacts/screenshots/</c> at the repository root (or
/// <c>TRENDACCOUNT_SCREENSHOTS</c>). The committed copies live in <c>docs/images/</c>, shown by <c>docs/journey.md</c>.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("TRENDACCOUNT_SCREENSHOTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        // The captcha is an image the server draws on request: wait for it (and any other) to be in.
        await page.WaitForFunctionAsync("() => Array.from(document.images).every(image => image.complete && image.naturalWidth > 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, $"screenshot {path} is empty");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrendAccount.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
