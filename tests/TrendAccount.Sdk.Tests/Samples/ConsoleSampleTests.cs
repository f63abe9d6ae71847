using TrendAccount.Sdk.Samples.Console;

namespace TrendAccount.Sdk.Tests.Samples;

/// <summary>Keeps the README's main command honest: the sample plays the whole article and checks every step.</summary>
public sealed class ConsoleSampleTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ArticleWalkthrough_SqliteAndPickupFolderOrInMemory_RunsEveryStepAsTheArticleSays(bool inMemory)
    {
        using var output = new StringWriter();
        var folder = Directory.CreateTempSubdirectory("trendaccount-sample-");

        var exitCode = await ArticleWalkthrough.RunAsync(output, new SampleOptions { WorkFactor = 4, InMemory = inMemory, DataDirectory = folder.FullName });

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.DoesNotContain("UNEXPECTED", text, StringComparison.Ordinal);
        Assert.Contains("You did not provide the right information. Please try again.", text, StringComparison.Ordinal);
        Assert.Contains("j***n@e*****e.com", text, StringComparison.Ordinal);
        Assert.Contains("Check your email to reset your account password.", text, StringComparison.Ordinal);
        Assert.Contains("https://account.example.com/reset-password?token=", text, StringComparison.Ordinal);
        Assert.Contains("Password Changed", text, StringComparison.Ordinal);
        Assert.Contains("Best Buy or your Internet Service Provider (ISP)", text, StringComparison.Ordinal);
        Assert.Contains("You must first install, then activate", text, StringComparison.Ordinal);
        Assert.Contains("[ContactTechnicalSupport]", text, StringComparison.Ordinal);
        Assert.Contains("Every step behaved as the article says.", text, StringComparison.Ordinal);
        var emlFiles = Directory.Exists(Path.Combine(folder.FullName, "trendaccount-outbox"))
            ? Directory.GetFiles(Path.Combine(folder.FullName, "trendaccount-outbox"), "*.eml")
            : [];
        Assert.Equal(inMemory ? 0 : 5, emlFiles.Length);
        Assert.Equal(!inMemory, File.Exists(Path.Combine(folder.FullName, "trendaccount-sample.db")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}
