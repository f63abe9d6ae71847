using TrendAccount.Sdk.ServerTests;

[assembly: TestFramework("TrendAccount.Sdk.ServerTests.ServerAwareTestFramework", "TrendAccount.Sdk.Samples.Web.Tests")]

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// Marks a test class that drives headless Chromium (<see cref="BrowserFixture.ChromiumPath"/>): where Chromium is
/// not installed its tests are skipped with the reason, unless <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c> (as in
/// <c>.ci/run</c>), where they fail and say what to install.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ChromiumTestsAttribute : RequiresServerAttribute
{
    protected override string? MissingReason => File.Exists(BrowserFixture.ChromiumPath)
        ? null
        : $"needs Chromium at {BrowserFixture.ChromiumPath}: apt-get install chromium (.ci/run does), or set TRENDACCOUNT_CHROMIUM";
}
