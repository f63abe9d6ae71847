using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// The hasher's own view of a password: the NFKC form of well-formed UTF-16 (the normalization the password
/// policy uses, not <see cref="CredentialNormalizer"/>'s hints), and its keyed pre-hash. Stateless and thread-safe.
/// </summary>
internal static class PasswordPreHash
{
    /// <summary>The length of the base64 text of an HMAC-SHA384 digest (48 bytes, no padding).</summary>
    internal const int PreHashLength = 64;

    private const int StackLimit = 256;

    /// <summary>Normalizes a password to NFKC.</summary>
    /// <param name="password">The password as typed.</param>
    /// <param name="normalized">The NFKC form; the same instance when it already was.</param>
    /// <returns>
    /// <see langword="false"/> when the string is not well-formed UTF-16 (it holds a lone surrogate), which has no
    /// NFKC form and no UTF-8 encoding: <see cref="string.Normalize(NormalizationForm)"/> would throw.
    /// </returns>
    internal static bool TryNormalize(string password, [NotNullWhen(true)] out string? normalized)
    {
        // The same NFKC the password policy applies (ASCII and already-normalized text skip the tables).
        normalized = PasswordText.IsWellFormed(password) ? PasswordText.ToNfkc(password) : null;
        return normalized is not null;
    }

    /// <summary>
    /// Computes base64(HMAC-SHA384(key, UTF-8(password))): 64 ASCII characters, so bcrypt (which reads 72 bytes and
    /// stops at NUL) sees all of the password, and the digest cannot be matched against unkeyed hash lists.
    /// </summary>
    /// <param name="key">The pepper, or the SDK's built-in key.</param>
    /// <param name="normalizedPassword">The NFKC password (well-formed UTF-16).</param>
    /// <returns>The text bcrypt hashes.</returns>
    internal static string PreHash(ReadOnlySpan<byte> key, string normalizedPassword)
    {
        Span<char> text = stackalloc char[PreHashLength];
        PreHash(key, normalizedPassword, text);
        var result = new string(text);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(text));
        return result;
    }

    /// <summary>Computes the pre-hash text into a buffer, allocating nothing for passwords up to 256 UTF-8 bytes.</summary>
    /// <param name="key">The pepper, or the SDK's built-in key.</param>
    /// <param name="normalizedPassword">The NFKC password (well-formed UTF-16).</param>
    /// <param name="destination">Receives the <see cref="PreHashLength"/> characters.</param>
    internal static void PreHash(ReadOnlySpan<byte> key, string normalizedPassword, Span<char> destination)
    {
        var byteCount = Encoding.UTF8.GetByteCount(normalizedPassword);
        byte[]? rented = null;
        var buffer = byteCount <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        var utf8 = buffer[..Encoding.UTF8.GetBytes(normalizedPassword, buffer)];
        Span<byte> digest = stackalloc byte[HMACSHA384.HashSizeInBytes];
        try
        {
            HMACSHA384.HashData(key, utf8, digest);
            _ = Convert.TryToBase64Chars(digest, destination, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
            CryptographicOperations.ZeroMemory(digest);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
