using System.Text.Json;
using Microsoft.Playwright;
using TrendAccount.Sdk.ServerTests;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// axe-core, from the npm registry (never committed): <c>.ci/run</c> installs it and names <c>axe.min.js</c> in
/// <c>TRENDACCOUNT_AXE_CORE</c>. Locally: <c>npm install --prefix /tmp/axe axe-core@4.14.1</c> and
/// <c>export TRENDACCOUNT_AXE_CORE=/tmp/axe/node_modules/axe-core/axe.min.js</c>.
/// </summary>
public static class AxeCore
{
    /// <summary>The rules checked: WCAG 2.0 and 2.1, levels A and AA.</summary>
    private const string RunScript = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })));
        }
        """;

    public static string? ScriptPath { get; } = Environment.GetEnvironmentVariable("TRENDACCOUNT_AXE_CORE") is { Length: > 0 } path ? path : null;

    /// <summary>Runs axe-core on the page as it is now and fails listing every violation.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(ScriptPath is not null && File.Exists(ScriptPath), $"axe-core not found: TRENDACCOUNT_AXE_CORE is '{ScriptPath}' (.ci/run installs it from the npm registry).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>(RunScript);
        var violations = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")
            .ToArray();
        Assert.True(violations.Length == 0, $"axe-core found {violations.Length} violation(s) on {state} ({page.Url}):\n" + string.Join("\n", violations));
    }
}

/// <summary>
/// Marks a test class that runs axe-core in Chromium: where either is missing its tests are skipped with the reason,
/// unless <c>TRENDACCOUNT_REQUIRE_SERVERS=1</c> (as in <c>.ci/run</c>), where they fail and say what to install.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AxeCoreTestsAttribute : RequiresServerAttribute
{
    protected override string? MissingReason =>
        !File.Exists(BrowserFixture.ChromiumPath)
            ? $"needs Chromium at {BrowserFixture.ChromiumPath}: apt-get install chromium (.ci/run does), or set TRENDACCOUNT_CHROMIUM"
            : AxeCore.ScriptPath is null || !File.Exists(AxeCore.ScriptPath)
                ? "needs axe-core: npm install --prefix /tmp/axe axe-core@4.14.1 and set TRENDACCOUNT_AXE_CORE to its axe.min.js (.ci/run does)"
                : null;
}
