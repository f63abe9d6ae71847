using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace TrendAccount.Sdk;

/// <summary>
/// bcrypt strings (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>) over <see cref="EksBlowfish"/>: the text in and out, on the
/// stack, with no heap allocation. Produces exactly what BCrypt.Net-Next and libxcrypt produce for the same UTF-8
/// password, revision, cost and salt (the tests hold it to both). Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The three revisions compute alike for a .NET string: each hashes the password's UTF-8 with a terminating NUL, cut
/// at 72 bytes (2a's historic length wrap-around at 256 bytes never occurs below the cut, and crypt_blowfish's 2a
/// counter-measure for the 2x sign-extension bug only changes keys whose high-bit bytes all start a 4-byte word,
/// which well-formed UTF-8 cannot produce). An embedded U+0000 is a key byte like any other, as in BCrypt.Net-Next.
/// </remarks>
internal static class ManagedBcrypt
{
    // Room for the 72 bytes bcrypt reads, the NUL, and the rest of a character that straddles byte 72.
    private const int KeyBufferBytes = EksBlowfish.MaximumKeyBytes + 8;
    private const int SaltOffset = 7;
    private const int SaltChars = 22;
    private const int HashOffset = SaltOffset + SaltChars;

    /// <summary>Computes a bcrypt string.</summary>
    /// <param name="password">The password; must be well-formed UTF-16.</param>
    /// <param name="revision"><c>a</c>, <c>b</c> or <c>y</c>.</param>
    /// <param name="cost">4 to 31.</param>
    /// <param name="salt">16 bytes.</param>
    /// <param name="destination">Receives the 60 characters.</param>
    /// <returns><see langword="false"/> (and nothing written) when the password holds a lone surrogate or an argument is out of range.</returns>
    internal static bool TryHash(ReadOnlySpan<char> password, char revision, int cost, ReadOnlySpan<byte> salt, Span<char> destination)
    {
        if (revision is not ('a' or 'b' or 'y') || cost is < EksBlowfish.MinimumCost or > EksBlowfish.MaximumCost
            || salt.Length != EksBlowfish.SaltBytes || destination.Length < BcryptString.Length)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[KeyBufferBytes];
        Span<byte> hash = stackalloc byte[EksBlowfish.HashBytes];
        try
        {
            // Whole characters only, so a character straddling byte 72 still contributes its leading bytes.
            var status = Utf8.FromUtf16(password, key[..^1], out _, out var written, replaceInvalidSequences: false);
            int keyLength;
            if (status == System.Buffers.OperationStatus.Done)
            {
                key[written] = 0;
                keyLength = Math.Min(written + 1, EksBlowfish.MaximumKeyBytes);
            }
            else if (status == System.Buffers.OperationStatus.DestinationTooSmall)
            {
                keyLength = EksBlowfish.MaximumKeyBytes;
            }
            else
            {
                return false;
            }

            EksBlowfish.Compute(key[..keyLength], salt, cost, hash);

            destination[0] = '$';
            destination[1] = '2';
            destination[2] = revision;
            destination[3] = '$';
            destination[4] = (char)('0' + (cost / 10));
            destination[5] = (char)('0' + (cost % 10));
            destination[6] = '$';
            BcryptBase64.Encode(salt, destination.Slice(SaltOffset, SaltChars));
            BcryptBase64.Encode(hash, destination.Slice(HashOffset, BcryptString.Length - HashOffset));
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(hash);
        }
    }

    /// <summary>Checks a password against a bcrypt string in constant time (for the password; the string's salt and cost are public).</summary>
    /// <param name="password">The password.</param>
    /// <param name="bcryptString">A string that <see cref="BcryptString.TryParse"/> accepts with revision a, b or y.</param>
    /// <returns><see langword="true"/> when recomputing the string from its revision, cost and salt reproduces it exactly.</returns>
    internal static bool Verify(ReadOnlySpan<char> password, ReadOnlySpan<char> bcryptString)
    {
        if (!BcryptString.TryParse(bcryptString, out var revision, out var cost))
        {
            return false;
        }

        Span<byte> salt = stackalloc byte[EksBlowfish.SaltBytes];
        Span<char> computed = stackalloc char[BcryptString.Length];
        try
        {
            // A salt whose last character carries stray low bits re-encodes differently and so never matches, as in
            // BCrypt.Net-Next; the full work is done either way.
            return BcryptBase64.TryDecode(bcryptString.Slice(SaltOffset, SaltChars), salt)
                && TryHash(password, revision, cost, salt, computed)
                && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(computed), MemoryMarshal.AsBytes(bcryptString));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(computed));
        }
    }
}
