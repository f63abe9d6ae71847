using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

/// <summary>
/// A generated folder of range files in the downloaders' format — one <c>ABCDE.txt</c> per prefix holding
/// <c>SUFFIX:COUNT</c> lines — in a fresh temporary directory, deleted on dispose.
/// </summary>
public sealed class OfflineRangeFolder : IDisposable
{
    public OfflineRangeFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pwned-ranges-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes (or rewrites) the file for a prefix: the given entries among some unrelated ones.</summary>
    /// <param name="prefix">Five upper-case hex digits.</param>
    /// <param name="entries">Suffixes and counts.</param>
    /// <param name="newLine">The line ending.</param>
    /// <param name="withBom">Whether to start the file with a UTF-8 byte order mark.</param>
    public void Write(string prefix, IEnumerable<(string Suffix, long Count)> entries, string newLine = "\r\n", bool withBom = false)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            text.Append(Convert.ToHexString(RandomNumberGenerator.GetBytes(18))[1..]).Append(':').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(newLine);
        }

        foreach (var (suffix, count) in entries)
        {
            text.Append(suffix).Append(':').Append(count.ToString(CultureInfo.InvariantCulture)).Append(newLine);
        }

        File.WriteAllText(System.IO.Path.Combine(Path, prefix + ".txt"), text.ToString(), new UTF8Encoding(withBom));
    }

    /// <summary>Writes the file of each password's prefix with the password's suffix and count.</summary>
    public void WriteBreached(params (string Password, long Count)[] passwords)
    {
        foreach (var group in passwords.Select(p => (Hash: RangeServer.Sha1Hex(p.Password), p.Count)).GroupBy(p => p.Hash[..5]))
        {
            Write(group.Key, group.Select(p => (p.Hash[5..], p.Count)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }
    }
}
