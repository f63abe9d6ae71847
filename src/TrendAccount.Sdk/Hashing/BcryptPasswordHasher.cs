using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using BCryptNet = BCrypt.Net.BCrypt;

namespace TrendAccount.Sdk;

/// <summary>
/// bcrypt over a keyed HMAC-SHA384 pre-hash, so no password is truncated at 72 bytes and a leaked
/// hash cannot be "shucked" against unkeyed hash lists. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// New hashes are <c>$tabc1$&lt;pepper id&gt;$2b$&lt;cost&gt;$…</c>: bcrypt of base64(HMAC-SHA384(pepper, UTF-8(NFKC(password)))),
/// 64 ASCII characters, which bcrypt reads in full (it stops at 72 bytes and at NUL). The key is the current pepper,
/// or a fixed SDK-specific key when no pepper is configured.
/// </para>
/// <para>
/// <see cref="VerifyHashedPassword"/> also accepts plain bcrypt (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>) and ASP.NET Core
/// Identity V2 and V3 hashes from systems being migrated, and answers <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>
/// for them, for hashes of a lower cost and for hashes under an older pepper. It never throws on user input or stored
/// data: anything it cannot use is <see cref="PasswordVerificationResult.Failed"/>.
/// </para>
/// <para>
/// The options are read once, in the constructor: later changes to the same <see cref="HashingOptions"/> instance
/// have no effect. The constructor also computes the dummy hash used by <see cref="VerifyDummyHash"/>.
/// </para>
/// </remarks>
public sealed class BcryptPasswordHasher : IPasswordHasher, IDummyPasswordVerifier
{
    // Stored format, version 1 (scheme "tabc": TrendAccount bcrypt):
    //
    //   $tabc1$<pepper id>$2b$<cost>$<22 salt characters><31 hash characters>
    //
    //   <pepper id>  the id of the pepper whose key made the pre-hash (1-16 of [A-Za-z0-9_-]), or "-" for the
    //                SDK's built-in key ("-" is therefore reserved and refused as a pepper id).
    //   the rest     a standard 60-character bcrypt string, cost as two digits, of the 64-character text
    //                base64(HMAC-SHA384(key, UTF-8(NFKC(password)))).
    //
    // Example (built-in key, cost 11, "correct horse battery staple"):
    //   $tabc1$-$2b$11$b8h7112MFx31yfWhiMyDIeO6QapVIhBzgTjymOefSA7DKkP/4E02G
    // A later format changes the version ("$tabc2$"); this version answers Failed for any version it does not know.
    private const string Prefix = "$tabc1$";
    private const string BuiltInKeyId = "-";
    private const char Revision = 'b';

    // Hashes are short; anything much longer is not a hash and is refused before any decoding.
    private const int MaximumHashLength = 1024;

    // The pre-hash key when no pepper is configured. Public by nature (it is in the package); it exists so the
    // pre-hash is specific to this SDK, which is what defeats shucking against lists of plain SHA-384 digests.
    private static ReadOnlySpan<byte> BuiltInKey => "TrendAccount.Sdk/bcrypt-pre-hash/v1"u8;

    private readonly int _workFactor;
    private readonly string _currentKeyId;
    private readonly byte[] _currentKey;
    private readonly Dictionary<string, byte[]> _peppers;
    private readonly string _dummyHash;

    /// <summary>Initializes a new instance of the <see cref="BcryptPasswordHasher"/> class.</summary>
    /// <param name="options">The SDK options (<see cref="TrendAccountOptions.Hashing"/>).</param>
    /// <exception cref="OptionsValidationException">The hashing options are invalid.</exception>
    public BcryptPasswordHasher(IOptions<TrendAccountOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.Hashing)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BcryptPasswordHasher"/> class.</summary>
    /// <param name="options">The hashing options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid (the message names each setting).</exception>
    public BcryptPasswordHasher(HashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        options.Validate(failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(TrendAccountOptions.SectionName, typeof(HashingOptions), failures);
        }

        _workFactor = options.WorkFactor;
        _peppers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, key) in options.Peppers)
        {
            _peppers.Add(id, Convert.FromBase64String(key));
        }

        if (options.CurrentPepperId is { } current)
        {
            _currentKeyId = current;
            _currentKey = _peppers[current];
        }
        else
        {
            _currentKeyId = BuiltInKeyId;
            _currentKey = BuiltInKey.ToArray();
        }

        // A password nobody can type: 32 random bytes, base64. Computed once, at the current settings.
        _dummyHash = HashNormalized(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="password"/> is not well-formed UTF-16 (it holds a lone surrogate) or is longer than
    /// <see cref="CredentialNormalizer.MaximumPasswordInputLength"/>. <see cref="PasswordPolicy"/> refuses such passwords, so reaching here is misuse.
    /// </exception>
    public string HashPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > CredentialNormalizer.MaximumPasswordInputLength)
        {
            throw new ArgumentException($"The password is longer than {CredentialNormalizer.MaximumPasswordInputLength} characters; validate it with PasswordPolicy before hashing.", nameof(password));
        }

        if (!PasswordPreHash.TryNormalize(password, out var normalized))
        {
            throw new ArgumentException("The password is not well-formed UTF-16 (it holds a lone surrogate); validate it with PasswordPolicy before hashing.", nameof(password));
        }

        return HashNormalized(normalized);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A <see langword="null"/> argument is treated like any unusable input: <see cref="PasswordVerificationResult.Failed"/>.
    /// Legacy hashes (plain bcrypt, Identity) are checked against the password as provided and, when that fails and its
    /// NFKC form differs, against the NFKC form; a plain bcrypt hash binds only the first 72 UTF-8 bytes, as it always did
    /// on the system that wrote it, and the rehash it asks for then binds the whole password.
    /// </remarks>
    public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword)
    {
        if (hashedPassword is null || providedPassword is null
            || hashedPassword.Length > MaximumHashLength || providedPassword.Length > CredentialNormalizer.MaximumPasswordInputLength
            || !PasswordPreHash.TryNormalize(providedPassword, out var normalized))
        {
            return PasswordVerificationResult.Failed;
        }

        try
        {
            if (hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return VerifyCurrentFormat(hashedPassword, normalized);
            }

            if (BcryptString.TryParse(hashedPassword, out var revision, out _) && revision is 'a' or 'b' or 'y')
            {
                return VerifyLegacy(providedPassword, normalized, candidate => BcryptMatches(candidate, hashedPassword));
            }

            if (IdentityPasswordHash.TryDecode(hashedPassword, out var identity))
            {
                return VerifyLegacy(providedPassword, normalized, candidate => IdentityPasswordHash.Verify(identity, candidate));
            }
        }
        catch (Exception exception) when (exception is BCrypt.Net.SaltParseException or ArgumentException or FormatException or CryptographicException)
        {
            // Defence in depth: the parsers above admit only what these libraries accept.
        }

        return PasswordVerificationResult.Failed;
    }

    /// <inheritdoc />
    public PasswordVerificationResult VerifyDummyHash(string? providedPassword)
    {
        // The same path as a wrong password against a current-format hash: normalization, HMAC, bcrypt at the
        // current cost, constant-time comparison. The outcome is discarded.
        _ = VerifyHashedPassword(_dummyHash, providedPassword ?? string.Empty);
        return PasswordVerificationResult.Failed;
    }

    private static PasswordVerificationResult VerifyLegacy(string provided, string normalized, Func<string, bool> matches)
    {
        // Other systems hashed the password as typed; the SDK's callers may pass it as typed or already in NFKC.
        var matched = matches(provided)
            || (!string.Equals(provided, normalized, StringComparison.Ordinal) && matches(normalized));
        return matched ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
    }

    private static bool BcryptMatches(string text, string bcryptString)
    {
        // HashPassword with the stored string as the salt reproduces it (revision, cost and salt) when the text matches.
        var computed = BCryptNet.HashPassword(text, bcryptString);
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(computed.AsSpan()),
            MemoryMarshal.AsBytes(bcryptString.AsSpan()));
    }

    private string HashNormalized(string normalized)
    {
        var text = PasswordPreHash.PreHash(_currentKey, normalized);
        var bcrypt = BCryptNet.HashPassword(text, BCryptNet.GenerateSalt(_workFactor, Revision));
        return string.Concat(Prefix, _currentKeyId, bcrypt);
    }

    private PasswordVerificationResult VerifyCurrentFormat(string hashedPassword, string normalized)
    {
        var rest = hashedPassword.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('$');
        if (separator <= 0)
        {
            return PasswordVerificationResult.Failed;
        }

        var keyId = rest[..separator];
        var bcrypt = rest[separator..];
        if (!BcryptString.TryParse(bcrypt, out var revision, out var cost) || revision != Revision)
        {
            return PasswordVerificationResult.Failed;
        }

        string id;
        ReadOnlySpan<byte> key;
        if (keyId.SequenceEqual(BuiltInKeyId))
        {
            id = BuiltInKeyId;
            key = BuiltInKey;
        }
        else
        {
            id = keyId.ToString();
            if (!_peppers.TryGetValue(id, out var pepper))
            {
                // An unknown pepper id: the key is gone (or the row is corrupt); nothing can match.
                return PasswordVerificationResult.Failed;
            }

            key = pepper;
        }

        var text = PasswordPreHash.PreHash(key, normalized);
        if (!BcryptMatches(text, bcrypt.ToString()))
        {
            return PasswordVerificationResult.Failed;
        }

        return cost < _workFactor || !string.Equals(id, _currentKeyId, StringComparison.Ordinal)
            ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Success;
    }
}
