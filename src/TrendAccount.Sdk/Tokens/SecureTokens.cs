using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// Issues opaque tokens (32 bytes from <see cref="RandomNumberGenerator"/>, base64url) and checks a
/// presented token against a stored digest in constant time. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Stores keep only the SHA-256 digest, so a leaked token table cannot be replayed. Tokens carry
/// 256 bits of entropy, which is why a fast unsalted digest is enough here (unlike passwords).
/// </remarks>
internal static class SecureTokens
{
    /// <summary>The number of random bytes in a token.</summary>
    public const int TokenBytes = 32;

    /// <summary>The length of a token in base64url characters.</summary>
    public const int TokenLength = 43;

    /// <summary>The length of a digest in hex characters.</summary>
    public const int DigestLength = TokenRecord.DigestLength;

    /// <summary>Issues a new token.</summary>
    /// <returns>The token and its digest.</returns>
    public static IssuedToken Issue()
    {
        Span<byte> random = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(random);
        Span<byte> encoded = stackalloc byte[TokenLength];
        Base64Url.EncodeToUtf8(random, encoded);
        random.Clear();
        var token = Encoding.ASCII.GetString(encoded);
        return new IssuedToken(token, DigestOf(encoded));
    }

    /// <summary>Computes the digest of a presented token.</summary>
    /// <param name="token">The token as presented; any string.</param>
    /// <returns>The SHA-256 digest as lower-case hex, or <see langword="null"/> when the string cannot be a token.</returns>
    public static string? TryComputeDigest(string? token)
    {
        Span<byte> ascii = stackalloc byte[TokenLength];
        return TryCopyAscii(token, ascii) ? DigestOf(ascii) : null;
    }

    // Copies a presented token into ASCII bytes; false unless it is exactly TokenLength base64url characters.
    private static bool TryCopyAscii(string? token, Span<byte> ascii)
    {
        if (token is null || token.Length != TokenLength)
        {
            return false;
        }

        for (var i = 0; i < TokenLength; i++)
        {
            var c = token[i];
            if (!IsBase64UrlCharacter(c))
            {
                return false;
            }

            ascii[i] = (byte)c;
        }

        return true;
    }

    // The value of a lower-case hex digit (the digest format), or -1.
    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Checks a presented token against a stored digest in constant time.</summary>
    /// <param name="token">The token as presented; any string.</param>
    /// <param name="digest">The stored digest.</param>
    /// <returns><see langword="true"/> when the token's digest equals <paramref name="digest"/>.</returns>
    public static bool Verify(string? token, string? digest)
    {
        Span<byte> ascii = stackalloc byte[TokenLength];
        if (!TryCopyAscii(token, ascii) || digest is null || digest.Length != DigestLength)
        {
            return false;
        }

        // Compare raw digests: hash the presented token, decode the stored hex, compare in constant time. No strings.
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, presented);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        for (var i = 0; i < stored.Length; i++)
        {
            var high = HexValue(digest[2 * i]);
            var low = HexValue(digest[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            stored[i] = (byte)((high << 4) | low);
        }

        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }
    private static bool IsBase64UrlCharacter(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    private static string DigestOf(ReadOnlySpan<byte> ascii)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii, hash);
        return Convert.ToHexStringLower(hash);
    }
}
