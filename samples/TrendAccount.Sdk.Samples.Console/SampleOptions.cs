namespace TrendAccount.Sdk.Samples.Console;

/// <summary>How the walkthrough runs: the embedded default (a SQLite file and a pickup folder) or in memory.</summary>
public sealed class SampleOptions
{
    /// <summary>The folder, under the working folder, that holds the SQLite file and the outbox by default (git-ignored).</summary>
    public const string DefaultDataDirectoryName = ".sample-data";

    /// <summary>Gets or sets the bcrypt work factor (default 10, the lowest allowed outside tests; tests pass 4).</summary>
    public int WorkFactor { get; set; } = HashingOptions.MinimumWorkFactor;

    /// <summary>Gets or sets a value indicating whether to use the in-memory stores and a recording mailer instead of SQLite and the pickup folder.</summary>
    public bool InMemory { get; set; }

    /// <summary>Gets or sets the folder that holds the SQLite file and the pickup folder (default: <see cref="DefaultDataDirectoryName"/> under the working folder).</summary>
    public string DataDirectory { get; set; } = Path.Combine(Environment.CurrentDirectory, DefaultDataDirectoryName);

    /// <summary>Parses the command line: <c>--in-memory</c>, <c>--work-factor N</c>, <c>--data-dir PATH</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options, or <see langword="null"/> when an argument is not understood.</returns>
    public static SampleOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--in-memory":
                    options.InMemory = true;
                    break;
                case "--work-factor" when i + 1 < args.Count && int.TryParse(args[i + 1], out var factor):
                    options.WorkFactor = factor;
                    i++;
                    break;
                case "--data-dir" when i + 1 < args.Count:
                    options.DataDirectory = Path.GetFullPath(args[++i]);
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}
