namespace TrendAccount.Sdk.Tests.Architecture;

/// <summary>
/// Issue 9's layout rule for the core library, checked on its source tree: no cycle between folders, and the
/// domain (values, rules and ports) depends on nothing above it.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>Values, rules and the ports the flows are built on. They may name each other and nothing else.</summary>
    private static readonly HashSet<string> DomainFolders = new(StringComparer.Ordinal)
    {
        "Accounts", "Captcha", "Credentials", "Hashing", "Limits", "Mail", "Messages", "Passwords", "Serials", "Tokens",
    };

    /// <summary>Everything above the domain: the flows, their shared plumbing, the in-memory adapters and the composition root.</summary>
    private static readonly HashSet<string> UpperFolders = new(StringComparer.Ordinal)
    {
        "SignIn", "Registration", "Recovery", "Sessions", "Troubleshooting",
        "Retention", "Diagnostics", "Internal", "InMemory", "DependencyInjection", SourceFolderGraph.RootFolder,
    };

    private static readonly Lazy<SourceFolderGraph> CoreGraph = new(() => SourceFolderGraph.Read(CoreProjectDirectory()));

    [Fact]
    public void CoreFolders_Graph_HasNoCycle()
    {
        var graph = CoreGraph.Value;

        var cycle = graph.FindCycle();

        Assert.True(cycle is null, cycle is null ? null : "Folder cycle in src/TrendAccount.Sdk: " + graph.Describe(cycle));
    }

    [Fact]
    public void DomainFolders_Dependencies_AreDomainFoldersOnly()
    {
        var graph = CoreGraph.Value;

        var violations = DomainFolders
            .SelectMany(folder => graph.DependenciesOf(folder)
                .Where(target => !DomainFolders.Contains(target))
                .Select(target => $"{folder} -> {target}: {string.Join("; ", graph.Reasons(folder, target))}"))
            .ToList();

        Assert.True(violations.Count == 0, "The domain depends on a folder above it:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void CoreFolders_Every_IsClassified()
    {
        // A new folder must be placed in one of the two sets, or the domain rule would silently not cover it.
        var unclassified = CoreGraph.Value.Folders.Where(f => !DomainFolders.Contains(f) && !UpperFolders.Contains(f)).ToList();

        Assert.Empty(unclassified);
    }

    [Fact]
    public void CoreFolders_Graph_SeesKnownDependencies()
    {
        // Guards the scan itself: a reader that found no type names would pass both rules above.
        var graph = CoreGraph.Value;

        Assert.Contains("Credentials", graph.DependenciesOf("SignIn"));
        Assert.Contains("Internal", graph.DependenciesOf("Recovery"));
        Assert.Contains("Serials", graph.DependenciesOf("Accounts"));
        Assert.Contains(graph.Reasons("Recovery", "Internal"), r => r.Contains("ResetPasswordHandler.cs names TokenService", StringComparison.Ordinal));
    }

    [Fact]
    public void FindCycle_FoldersThatNameEachOther_ReportsTheCycleWithItsReasons()
    {
        var graph = SourceFolderGraph.FromSources(
        [
            ("Serials", "Serials/SerialClassifier.cs", "public sealed class SerialClassifier { TrendAccountOptions o; }"),
            ("DependencyInjection", "DependencyInjection/TrendAccountOptions.cs", "public sealed class TrendAccountOptions { SerialOptions s; }"),
            ("Serials", "Serials/SerialOptions.cs", "public sealed class SerialOptions { }"),
            ("Passwords", "Passwords/PasswordPolicy.cs", "public sealed class PasswordPolicy { SerialOptions s; }"),
        ]);

        var cycle = graph.FindCycle();

        Assert.NotNull(cycle);
        Assert.Equal(["DependencyInjection", "Serials", "DependencyInjection"], cycle);
        var description = graph.Describe(cycle);
        Assert.Contains("Serials/SerialClassifier.cs names TrendAccountOptions", description, StringComparison.Ordinal);
        Assert.Contains("DependencyInjection/TrendAccountOptions.cs names SerialOptions", description, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCycle_LayeredFolders_ReturnsNull()
    {
        var graph = SourceFolderGraph.FromSources(
        [
            ("SignIn", "SignIn/SignInHandler.cs", "internal sealed class SignInHandler { PasswordPolicy p; SerialClassifier s; }"),
            ("Passwords", "Passwords/PasswordPolicy.cs", "public sealed class PasswordPolicy { SerialClassifier s; }"),
            ("Serials", "Serials/SerialClassifier.cs", "public sealed class SerialClassifier { }"),
        ]);

        Assert.Null(graph.FindCycle());
        Assert.Equal(["Passwords", "Serials"], graph.DependenciesOf("SignIn"));
    }

    [Fact]
    public void StripComments_CommentsAndStrings_RemovesOnlyComments()
    {
        const string Source = """
            /// <see cref="TrendAccountOptions"/>
            var url = "https://example.com/x"; // SignInHandler
            /* PasswordPolicy */ var c = '"'; var v = @"a""b"; Use(SerialClassifier);
            """;

        var code = SourceFolderGraph.StripComments(Source);

        Assert.DoesNotContain("TrendAccountOptions", code, StringComparison.Ordinal);
        Assert.DoesNotContain("SignInHandler", code, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordPolicy", code, StringComparison.Ordinal);
        Assert.Contains("\"https://example.com/x\"", code, StringComparison.Ordinal);
        Assert.Contains("Use(SerialClassifier)", code, StringComparison.Ordinal);
    }

    private static string CoreProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrendAccount.Sdk.sln")))
            {
                return Path.Combine(directory.FullName, "src", "TrendAccount.Sdk");
            }
        }

        throw new InvalidOperationException($"No TrendAccount.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
