using TrendAccount.Sdk.Samples.Console;

namespace TrendAccount.Sdk.Tests.Samples;

/// <summary>Keeps the README's main command honest: the sample plays the whole article and checks every step.</summary>
public sealed class ConsoleSampleTests
{
    [Fact]
    public async Task ArticleWalkthrough_RunsEveryStepAsTheArticleSays()
    {
        using var output = new StringWriter();

        var exitCode = await ArticleWalkthrough.RunAsync(output, workFactor: 4);

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
    }
}
