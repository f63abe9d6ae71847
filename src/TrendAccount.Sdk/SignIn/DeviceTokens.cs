using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// Device tokens (OWASP's "device cookies"): proof that a client has signed in to an address before, so that it keeps
/// its own failure budget while untrusted clients meet the captcha step-up. One per container; thread-safe.
/// </summary>
/// <remarks>
/// <para>Format, base64url without padding (76 characters):</para>
/// <code>
/// byte  0       version (1)
/// bytes 1..8    issue time, Unix seconds, big-endian
/// bytes 9..24   device id, 16 random bytes (the key of the device's own failure budget)
/// bytes 25..56  HMAC-SHA256(key, bytes 0..24 || UTF-8 lookup key of the address signed in to)
/// </code>
/// <para>The address is bound through the MAC only, so a token reveals nothing about whose it is; it is honoured
/// only for the address it was issued for, only until <see cref="SignInOptions.DeviceTokenLifetime"/> after issue,
/// and only while the configured key is unchanged (rotating the key makes every device untrusted once). The key is
/// not the pepper: a leaked device key lets an attacker skip the step-up for guesses, never read a hash.</para>
/// <para>Nothing is stored: a valid MAC is the whole proof, so the check costs one HMAC and no store round trip.</para>
/// </remarks>
internal sealed class DeviceTokens
{
    private const byte Version = 1;
    private const int PayloadLength = 25;
    private const int MacLength = 32;
    private const int TokenBytes = PayloadLength + MacLength;
    private const int MaximumTokenLength = 128;

    private readonly byte[]? _key;
    private readonly TimeSpan _lifetime;

    public DeviceTokens(SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = options.DeviceTokenKeyBytes();
        _lifetime = options.DeviceTokenLifetime;
    }

    /// <summary>Gets a value indicating whether a key is configured (without one, no token is issued or honoured).</summary>
    public bool Enabled => _key is not null;

    /// <summary>Issues a token for a client that just signed in to the address with this lookup key, or <see langword="null"/> without a key.</summary>
    public string? Issue(string lookupKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lookupKey);
        if (_key is null)
        {
            return null;
        }

        Span<byte> token = stackalloc byte[TokenBytes];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token[1..9], now.ToUnixTimeSeconds());
        RandomNumberGenerator.Fill(token[9..PayloadLength]);
        Sign(token[..PayloadLength], lookupKey, token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The device id of a valid, unexpired token issued for this lookup key; otherwise <see langword="null"/>.</summary>
    public string? Validate(string? token, string lookupKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lookupKey);
        if (_key is null || string.IsNullOrEmpty(token) || token.Length > MaximumTokenLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[MaximumTokenLength];
        if (Base64Url.DecodeFromChars(token.AsSpan(), bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length || written != TokenBytes || bytes[0] != Version)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..PayloadLength], lookupKey, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..TokenBytes]))
        {
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(BinaryPrimitives.ReadInt64BigEndian(bytes[1..9]), 0, 253_402_300_799));
        if (issued > now + TimeSpan.FromMinutes(5) || now - issued >= _lifetime)
        {
            return null;
        }

        return Convert.ToHexString(bytes[9..PayloadLength]);
    }

    private void Sign(ReadOnlySpan<byte> payload, string lookupKey, Span<byte> mac)
    {
        var keyBytes = Encoding.UTF8.GetByteCount(lookupKey);
        var buffer = keyBytes <= 512 ? stackalloc byte[PayloadLength + keyBytes] : new byte[PayloadLength + keyBytes];
        payload.CopyTo(buffer);
        Encoding.UTF8.GetBytes(lookupKey, buffer[PayloadLength..]);
        HMACSHA256.HashData(_key, buffer, mac);
    }
}
