using System.Collections.Frozen;

namespace TrendAccount.Sdk;

/// <summary>
/// A set of passwords too common to allow, matched case-insensitively (ordinal, invariant case folding).
/// <see cref="Default"/> is the built-in list: the most frequent passwords of 8 characters or more from the
/// MIT-licensed frequency list of <c>@zxcvbn-ts/language-common</c>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The built-in list leaves out passwords shorter than 8 characters because the default length rule refuses
/// them anyway. A host that lowers <see cref="PasswordOptions.MinimumLength"/> or wants a larger list (such as
/// breached passwords) builds its own instance or implements <see cref="IPasswordBlocklist"/>.
/// </remarks>
public sealed class CommonPasswordBlocklist : IPasswordBlocklist
{
    /// <summary>The manifest resource name of the built-in list inside the SDK assembly.</summary>
    internal const string ResourceName = "TrendAccount.Sdk.common-passwords.txt";

    private static readonly Lazy<CommonPasswordBlocklist> DefaultInstance =
        new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _passwords;

    /// <summary>Initializes a new instance of the <see cref="CommonPasswordBlocklist"/> class from a list of passwords.</summary>
    /// <param name="passwords">The passwords to refuse; normalized to NFKC, matched ignoring case. Empty entries are skipped.</param>
    public CommonPasswordBlocklist(IEnumerable<string> passwords)
    {
        ArgumentNullException.ThrowIfNull(passwords);
        _passwords = passwords
            .Where(password => !string.IsNullOrEmpty(password))
            .Select(password => PasswordText.ToNfkc(password!))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the built-in list, loaded once from the SDK assembly on first use.</summary>
    public static CommonPasswordBlocklist Default => DefaultInstance.Value;

    /// <summary>Gets the number of distinct passwords on the list (distinct ignoring case).</summary>
    public int Count => _passwords.Count;

    /// <inheritdoc />
    public bool Contains(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _passwords.Contains(password);
    }

    /// <summary>Reads the built-in list: one password per line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <returns>The built-in list.</returns>
    private static CommonPasswordBlocklist LoadDefault()
    {
        using var stream = typeof(CommonPasswordBlocklist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the SDK assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(capacity: 20_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                passwords.Add(line);
            }
        }

        return new CommonPasswordBlocklist(passwords);
    }
}
