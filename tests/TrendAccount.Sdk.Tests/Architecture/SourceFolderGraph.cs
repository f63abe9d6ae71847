using System.Text;
using System.Text.RegularExpressions;

namespace TrendAccount.Sdk.Tests.Architecture;

/// <summary>
/// The dependency graph between the top-level folders of a project, read from its source: a folder depends on
/// another when code in one of its files names a type declared at the top level of a file in the other.
/// </summary>
/// <remarks>
/// Folders are not in the compiled metadata (every type shares the <c>TrendAccount.Sdk</c> namespace), so the graph
/// is built from the source tree. Comments are removed first: a <c>cref</c> to a type elsewhere documents where a
/// value comes from, it does not make the code depend on it. String literals are kept, so an interpolation hole still
/// counts. Files directly in the project folder form the folder <see cref="RootFolder"/>.
/// </remarks>
internal sealed partial class SourceFolderGraph
{
    public const string RootFolder = "(root)";

    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges;

    private SourceFolderGraph(IReadOnlyCollection<string> folders, Dictionary<string, Dictionary<string, SortedSet<string>>> edges)
    {
        Folders = folders;
        _edges = edges;
    }

    public IReadOnlyCollection<string> Folders { get; }

    /// <summary>Reads every <c>.cs</c> file under <paramref name="projectDirectory"/> except <c>bin/</c> and <c>obj/</c>.</summary>
    public static SourceFolderGraph Read(string projectDirectory)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Folder: FolderOf(projectDirectory, path), Name: Path.GetRelativePath(projectDirectory, path), Code: StripComments(File.ReadAllText(path))))
            .Where(file => file.Folder is not ("bin" or "obj"))
            .ToList();
        return FromSources(files.Select(f => (f.Folder, f.Name, f.Code)));
    }

    /// <summary>Builds the graph from (folder, file name, code) triples; comments must already be removed.</summary>
    public static SourceFolderGraph FromSources(IEnumerable<(string Folder, string File, string Code)> sources)
    {
        var files = sources.ToList();
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (folder, _, code) in files)
        {
            foreach (Match match in TopLevelDeclaration().Matches(code))
            {
                var name = match.Groups["name"].Value;
                if (!owners.TryGetValue(name, out var set))
                {
                    owners[name] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(folder);
            }
        }

        var edges = new Dictionary<string, Dictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var (folder, file, code) in files)
        {
            var words = Identifier().Matches(code).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var word in words)
            {
                // A name declared in several folders (one of them possibly this one) says nothing certain: skip it.
                if (!owners.TryGetValue(word, out var owner) || owner.Count != 1 || owner.Contains(folder))
                {
                    continue;
                }

                var target = owner.Single();
                if (!edges.TryGetValue(folder, out var targets))
                {
                    edges[folder] = targets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
                }

                if (!targets.TryGetValue(target, out var reasons))
                {
                    targets[target] = reasons = new SortedSet<string>(StringComparer.Ordinal);
                }

                reasons.Add($"{file} names {word}");
            }
        }

        var folders = files.Select(f => f.Folder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new SourceFolderGraph(folders, edges);
    }

    /// <summary>The folders that <paramref name="folder"/> depends on.</summary>
    public IReadOnlyCollection<string> DependenciesOf(string folder) =>
        _edges.TryGetValue(folder, out var targets) ? targets.Keys.Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>Why <paramref name="from"/> depends on <paramref name="to"/>: one line per file and type name.</summary>
    public IReadOnlyCollection<string> Reasons(string from, string to) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var reasons) ? reasons : [];

    /// <summary>One cycle, as the folders in order with the first repeated at the end; <see langword="null"/> when there is none.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done.
        var path = new List<string>();
        foreach (var start in Folders)
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string folder)
        {
            if (state.TryGetValue(folder, out var done))
            {
                return done ? null : [.. path.Skip(path.IndexOf(folder)), folder];
            }

            state[folder] = false;
            path.Add(folder);
            foreach (var next in DependenciesOf(folder))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = true;
            return null;
        }
    }

    /// <summary>A cycle written out with the file and type name behind each step.</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        var text = new StringBuilder(string.Join(" -> ", cycle)).AppendLine();
        for (var i = 0; i + 1 < cycle.Count; i++)
        {
            text.Append(cycle[i]).Append(" -> ").Append(cycle[i + 1]).Append(": ")
                .AppendLine(string.Join("; ", Reasons(cycle[i], cycle[i + 1])));
        }

        return text.ToString();
    }

    /// <summary>Removes <c>//</c> and <c>/* */</c> comments, leaving string and character literals (and line breaks) as they are.</summary>
    public static string StripComments(string source)
    {
        var output = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
                output.Append(' ');
            }
            else if (c == '"' && string.CompareOrdinal(source, i, "\"\"\"", 0, 3) == 0)
            {
                // Raw string literal: closed by as many quotes as opened it.
                var quotes = 0;
                while (i + quotes < source.Length && source[i + quotes] == '"')
                {
                    quotes++;
                }

                var end = source.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                var stop = end < 0 ? source.Length : end + quotes;
                output.Append(source, i, stop - i);
                i = stop;
            }
            else if (c is '"' or '\'')
            {
                var verbatim = i > 0 && source[i - 1] == '@' || i > 1 && source[i - 2] == '@' && source[i - 1] == '$';
                var start = i++;
                while (i < source.Length)
                {
                    if (source[i] == '\\' && !verbatim)
                    {
                        i += 2;
                        continue;
                    }

                    if (source[i] == c)
                    {
                        if (verbatim && i + 1 < source.Length && source[i + 1] == c)
                        {
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (source[i] == '\n' && !verbatim)
                    {
                        break;
                    }

                    i++;
                }

                output.Append(source, start, Math.Min(i, source.Length) - start);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private static string FolderOf(string projectDirectory, string path)
    {
        var relative = Path.GetRelativePath(projectDirectory, path);
        var separator = relative.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        return separator < 0 ? RootFolder : relative[..separator];
    }

    // File-scoped namespaces put every top-level type at column 0; nested types are indented and stay out.
    [GeneratedRegex(@"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly|ref|unsafe)\s+)*(?:class|struct|interface|enum|record(?:\s+class|\s+struct)?|delegate\s+[\w<>\[\],.? ]+?)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelDeclaration();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
