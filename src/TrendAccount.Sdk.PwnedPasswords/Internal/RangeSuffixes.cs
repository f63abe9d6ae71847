using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk.PwnedPasswords.Internal;

/// <summary>
/// The breached suffixes of one 5-hex prefix, as the range protocol answers them, kept packed: each 35-hex-digit
/// suffix becomes 18 bytes (a zero nibble, then the 35 nibbles). Only suffixes seen at least the minimum count are
/// kept; padding entries (count 0) never are. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The answer format, one entry a line, lines ending in CRLF or LF:
/// <code>
/// 0018A45C4D1DEF81644B54AB7F969B88D65:10
/// 00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0      ← padding (Add-Padding: true), ignored
/// </code>
/// A line that is not 35 hex digits, a colon and a decimal count makes the whole answer garbage: a half-understood
/// answer could hide a breached password, so it counts as a failure to answer, not as "not found".
/// </remarks>
internal sealed class RangeSuffixes
{
    /// <summary>Hex digits in a suffix: 40 for a SHA-1, less the 5 of the prefix.</summary>
    internal const int SuffixHexLength = 35;

    /// <summary>Hex digits in a prefix.</summary>
    internal const int PrefixHexLength = 5;

    /// <summary>Bytes of a packed suffix.</summary>
    internal const int PackedLength = (SuffixHexLength + 1) / 2;

    private readonly byte[] _packed;

    private RangeSuffixes(byte[] packed) => _packed = packed;

    /// <summary>Gets how many suffixes are kept.</summary>
    public int Count => _packed.Length / PackedLength;

    /// <summary>Gets the memory the packed suffixes take, in bytes.</summary>
    public int SizeInBytes => _packed.Length;

    /// <summary>
    /// Reads a range answer. Returns <see langword="false"/> for garbage: a malformed line, or no line at all (every
    /// prefix of the real corpus has entries, so an empty answer is a broken mirror or a truncated file).
    /// </summary>
    /// <param name="utf8">The answer body.</param>
    /// <param name="minimumCount">The smallest count kept.</param>
    /// <param name="suffixes">The suffixes kept.</param>
    /// <returns><see langword="true"/> when the whole answer is well formed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, long minimumCount, out RangeSuffixes suffixes)
    {
        suffixes = null!;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var packed = new List<byte>(capacity: Math.Min(utf8.Length / 2, 64 * 1024));
        Span<byte> one = stackalloc byte[PackedLength];
        var lines = 0;
        while (!utf8.IsEmpty)
        {
            var end = utf8.IndexOf((byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? [] : utf8[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                // Blank lines carry nothing; the answer ends with one.
                continue;
            }

            if (line.Length < SuffixHexLength + 2 || line[SuffixHexLength] != (byte)':'
                || !TryPack(line[..SuffixHexLength], one)
                || !TryParseCount(line[(SuffixHexLength + 1)..], out var count))
            {
                return false;
            }

            lines++;
            if (count > 0 && count >= minimumCount)
            {
                foreach (var b in one)
                {
                    packed.Add(b);
                }
            }
        }

        if (lines == 0)
        {
            return false;
        }

        suffixes = new RangeSuffixes([.. packed]);
        return true;
    }

    /// <summary>Splits a password's SHA-1 into the prefix that is sent and the packed suffix that stays here.</summary>
    /// <param name="password">The password.</param>
    /// <param name="suffix">Receives the packed suffix (<see cref="PackedLength"/> bytes).</param>
    /// <returns>The prefix: 5 upper-case hex digits.</returns>
    public static string HashPassword(string password, Span<byte> suffix)
    {
        // SHA-1 here is the range protocol's index, not a password hash: the hash of the password never leaves
        // the process, only its first 5 hex digits (20 bits, shared by about a million other hashes) do.
        Span<byte> utf8 = password.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(password.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(password.Length)];
        var written = Encoding.UTF8.GetBytes(password, utf8);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what the range protocol indexes by; it protects nothing here.
        SHA1.HashData(utf8[..written], hash);
#pragma warning restore CA5350
        CryptographicOperations.ZeroMemory(utf8);

        // The prefix is hex digits 0-4: bytes 0-1 and the high nibble of byte 2. The packed suffix is digits 5-39: the
        // low nibble of byte 2 (behind a zero nibble), then bytes 3-19 as they are.
        suffix[0] = (byte)(hash[2] & 0x0F);
        hash[3..].CopyTo(suffix[1..]);
        var prefix = Convert.ToHexString(hash[..3])[..PrefixHexLength];
        CryptographicOperations.ZeroMemory(hash);
        return prefix;
    }

    /// <summary>
    /// Tells whether a packed suffix is on the list. Every kept suffix is compared, in fixed time each, whatever
    /// matches: the time taken depends on the number of entries, not on where (or whether) the suffix is.
    /// </summary>
    /// <param name="suffix">The packed suffix.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool Contains(ReadOnlySpan<byte> suffix)
    {
        var found = false;
        var all = _packed.AsSpan();
        for (var offset = 0; offset + PackedLength <= all.Length; offset += PackedLength)
        {
            found |= CryptographicOperations.FixedTimeEquals(all.Slice(offset, PackedLength), suffix);
        }

        return found;
    }

    /// <summary>Packs 35 hex digits (either case) into 18 bytes: a zero nibble, then the digits.</summary>
    private static bool TryPack(ReadOnlySpan<byte> hex, Span<byte> packed)
    {
        if (hex.Length != SuffixHexLength)
        {
            return false;
        }

        var high = 0;
        var nibble = 1;
        for (var i = 0; i < hex.Length; i++, nibble++)
        {
            var value = HexValue(hex[i]);
            if (value < 0)
            {
                return false;
            }

            if ((nibble & 1) == 0)
            {
                high = value;
            }
            else
            {
                packed[nibble / 2] = (byte)((high << 4) | value);
            }
        }

        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Reads a decimal count; larger than <see cref="long.MaxValue"/> saturates.</summary>
    private static bool TryParseCount(ReadOnlySpan<byte> digits, out long count)
    {
        count = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            count = count > (long.MaxValue - 9) / 10 ? long.MaxValue : (count * 10) + (d - '0');
        }

        return true;
    }
}
