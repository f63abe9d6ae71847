using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrendAccount.Sdk;

/// <summary>
/// Verifies hashes written by ASP.NET Core Identity's <c>PasswordHasher&lt;TUser&gt;</c>, for hosts migrating their
/// users into the SDK. Both formats are standard base64 of a byte string (all integers big-endian):
/// <code>
/// V2: 0x00 | salt (16 bytes) | subkey (32 bytes)            PBKDF2-HMAC-SHA1, 1000 iterations
/// V3: 0x01 | PRF (uint32) | iterations (uint32) | salt length (uint32) | salt | subkey (the rest)
///     PRF 0 = HMAC-SHA1, 1 = HMAC-SHA256, 2 = HMAC-SHA512; salt and subkey at least 16 bytes each
/// </code>
/// The password is the UTF-8 of the string as Identity received it. Stateless and thread-safe; never throws.
/// </summary>
internal static class IdentityPasswordHash
{
    /// <summary>The most PBKDF2 iterations accepted from a stored V3 header, so a corrupt row cannot pin a thread for minutes.</summary>
    internal const int MaximumIterations = 10_000_000;

    private const int V2SaltLength = 16;
    private const int V2SubkeyLength = 32;
    private const int V2Iterations = 1000;
    private const int V3HeaderLength = 13;
    private const int MinimumSaltLength = 16;
    private const int MinimumSubkeyLength = 16;

    /// <summary>Decodes a stored string that may be an Identity V2 or V3 hash.</summary>
    /// <param name="hashedPassword">The stored string.</param>
    /// <param name="decoded">The decoded bytes when the string is base64 of a V2 or V3 layout.</param>
    /// <returns><see langword="true"/> when the string has an Identity layout worth verifying.</returns>
    internal static bool TryDecode(string hashedPassword, out byte[] decoded)
    {
        decoded = [];
        if (hashedPassword.Length == 0 || hashedPassword.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[hashedPassword.Length / 4 * 3];
        if (!Convert.TryFromBase64String(hashedPassword, buffer, out var written))
        {
            return false;
        }

        var bytes = buffer.AsSpan(0, written);
        var wellFormed = bytes.Length > 0 && bytes[0] switch
        {
            0x00 => bytes.Length == 1 + V2SaltLength + V2SubkeyLength,
            0x01 => TryReadV3Header(bytes, out _, out _, out _),
            _ => false,
        };
        if (wellFormed)
        {
            decoded = bytes.ToArray();
        }

        return wellFormed;
    }

    /// <summary>Verifies a password against decoded Identity bytes in constant time.</summary>
    /// <param name="decoded">Bytes from <see cref="TryDecode"/>.</param>
    /// <param name="password">The password (well-formed UTF-16).</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    internal static bool Verify(ReadOnlySpan<byte> decoded, string password)
    {
        if (decoded.Length == 0)
        {
            return false;
        }

        if (decoded[0] == 0x00)
        {
            return Matches(
                password,
                decoded.Slice(1, V2SaltLength),
                decoded.Slice(1 + V2SaltLength, V2SubkeyLength),
                V2Iterations,
                HashAlgorithmName.SHA1);
        }

        if (!TryReadV3Header(decoded, out var prf, out var iterations, out var saltLength))
        {
            return false;
        }

        return Matches(
            password,
            decoded.Slice(V3HeaderLength, saltLength),
            decoded[(V3HeaderLength + saltLength)..],
            iterations,
            prf);
    }

    /// <summary>Reads the PBKDF2 settings of decoded Identity bytes.</summary>
    /// <param name="decoded">Bytes from <see cref="TryDecode"/>.</param>
    /// <param name="prf">The PRF.</param>
    /// <param name="iterations">The iteration count (1000 for V2).</param>
    /// <returns><see langword="false"/> when the bytes are not a V2 or V3 layout.</returns>
    internal static bool TryReadWork(ReadOnlySpan<byte> decoded, out HashAlgorithmName prf, out int iterations)
    {
        if (decoded.Length == 1 + V2SaltLength + V2SubkeyLength && decoded[0] == 0x00)
        {
            prf = HashAlgorithmName.SHA1;
            iterations = V2Iterations;
            return true;
        }

        return TryReadV3Header(decoded, out prf, out iterations, out _);
    }

    private static bool TryReadV3Header(ReadOnlySpan<byte> bytes, out HashAlgorithmName prf, out int iterations, out int saltLength)
    {
        prf = default;
        iterations = 0;
        saltLength = 0;
        if (bytes.Length < V3HeaderLength + MinimumSaltLength + MinimumSubkeyLength || bytes[0] != 0x01)
        {
            return false;
        }

        var prfId = BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]);
        var iterationCount = BinaryPrimitives.ReadUInt32BigEndian(bytes[5..]);
        var saltCount = BinaryPrimitives.ReadUInt32BigEndian(bytes[9..]);
        prf = prfId switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (prf == default
            || iterationCount is 0 or > MaximumIterations
            || saltCount < MinimumSaltLength
            || saltCount > (uint)(bytes.Length - V3HeaderLength - MinimumSubkeyLength))
        {
            return false;
        }

        iterations = (int)iterationCount;
        saltLength = (int)saltCount;
        return true;
    }

    private static bool Matches(string password, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> expected, int iterations, HashAlgorithmName prf)
    {
        var rented = ArrayPool<byte>.Shared.Rent(expected.Length);
        var actual = rented.AsSpan(0, expected.Length);
        try
        {
            Rfc2898DeriveBytes.Pbkdf2(password, salt, actual, iterations, prf);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(actual);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
