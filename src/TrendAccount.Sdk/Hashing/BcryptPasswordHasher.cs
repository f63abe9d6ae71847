using System.Globalization;
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
/// for them, for hashes of a lower cost and for hashes under an older pepper. It never throws, whatever the provided
/// password or the stored hash (<see langword="null"/> included): anything it cannot use is
/// <see cref="PasswordVerificationResult.Failed"/>. <see cref="HashPassword"/> throws only for a password that
/// <see cref="PasswordPolicy"/> refuses first (see its exceptions).
/// </para>
/// <para>
/// bcrypt itself runs on the engine that <see cref="HashingOptions.Engine"/> selects: the SDK's managed EksBlowfish
/// (default) or BCrypt.Net-Next. Both produce identical strings, so either verifies what the other wrote.
/// </para>
/// <para>
/// The options are read once, in the constructor: later changes to the same <see cref="HashingOptions"/> instance
/// have no effect. The constructor runs no bcrypt: the dummy hash behind <see cref="VerifyDummyHash"/> is a random
/// salt and digest in the current format, not a hash of anything, so creating the hasher (often on the first request's
/// path) costs microseconds, and verifying against it costs exactly one verification.
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

    // What the padding runs hash: any 64 characters (bcrypt's work does not depend on the text).
    private const string PadText = "TrendAccount.Sdk/padding/TrendAccount.Sdk/padding/TrendAccount.S";

    // Salt (16 bytes) and bcrypt digest (23 bytes) of the dummy hash.
    private const int SaltBytes = 16;
    private const int DigestBytes = 23;

    private readonly int _workFactor;
    private readonly int _ceiling;
    private readonly BcryptEngine _engine;
    private readonly string _currentKeyId;
    private readonly byte[] _currentKey;
    private readonly Dictionary<string, byte[]> _peppers;
    private readonly string _dummyHash;

    // The padding runs: plain bcrypt strings with the dummy's random salt and digest, one per cost up to the work factor.
    private readonly string[] _padHashes;

    /// <summary>Initializes a new instance of the <see cref="BcryptPasswordHasher"/> class.</summary>
    /// <param name="options">The hashing options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The hashing options are invalid.</exception>
    public BcryptPasswordHasher(IOptions<HashingOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
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
            throw new OptionsValidationException(OptionsSection.Name, typeof(HashingOptions), failures);
        }

        _workFactor = options.WorkFactor;
        _ceiling = Math.Max(options.MaximumStoredWorkFactor, options.WorkFactor);
        _engine = options.Engine;
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

        // The current format at the current cost and pepper, with a random salt and a random digest: verifying against
        // it does all the work of a real verification (normalization, HMAC, bcrypt, comparison), and no password
        // reproduces a random 184-bit digest. Nothing is hashed here, so start-up and the first request pay nothing.
        Span<byte> random = stackalloc byte[SaltBytes + DigestBytes];
        RandomNumberGenerator.Fill(random);
        Span<char> text = stackalloc char[BcryptString.Length - 7];
        BcryptBase64.Encode(random[..SaltBytes], text[..22]);
        BcryptBase64.Encode(random[SaltBytes..], text[22..]);
        _dummyHash = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{_currentKeyId}$2{Revision}${_workFactor:D2}${text}");
        _padHashes = new string[_workFactor + 1];
        for (var cost = EksBlowfish.MinimumCost; cost <= _workFactor; cost++)
        {
            _padHashes[cost] = string.Create(CultureInfo.InvariantCulture, $"$2{Revision}${cost:D2}${text}");
        }
    }

    /// <summary>Gets the observer of every bcrypt and PBKDF2 run, padding included (for tests).</summary>
    internal IHashWorkObserver? Observer { get; init; }

    /// <summary>Gets what converts a timed PBKDF2 run into bcrypt units (a test plants a simulated clock).</summary>
    internal PaddingCalibration Calibration { get; init; } = new(WorkClock.Default);

    /// <summary>Gets the highest stored cost that verification runs (for tests).</summary>
    internal int Ceiling => _ceiling;

    /// <summary>Gets the engine this hasher runs (for tests).</summary>
    internal BcryptEngine Engine => _engine;

    /// <summary>Gets the dummy hash (for tests).</summary>
    internal string DummyHash => _dummyHash;

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
    /// <para>
    /// A <see langword="null"/>, oversized or ill-formed password fails at once (that is decided from the input alone).
    /// Otherwise every failure costs the same work as a wrong password against a current hash, whatever the stored
    /// hash: a cheaper one (an older cost, plain bcrypt at a lower cost, Identity V2 or V3) is verified once and the
    /// difference is made up with dummy bcrypt runs; an unrecognized hash, or one whose cost is above
    /// <see cref="HashingOptions.MaximumStoredWorkFactor"/>, is not run at all and the dummy is verified instead. An
    /// Identity hash's PBKDF2 run counts as the bcrypt work its measured time is worth on this machine now (the calling
    /// thread's CPU time on 64-bit Linux, elapsed time elsewhere; the cost of a bcrypt unit is learned from earlier
    /// verifications), held within four times the SDK's reference rate either way; docs/hashing.md explains why.
    /// </para>
    /// <para>
    /// Legacy hashes (plain bcrypt, Identity) are verified once, against the password as provided: what the system that
    /// wrote them hashed. The SDK's flows provide it in NFKC, so a customer who types in NFD still matches a hash of the
    /// NFC form through sign-in. (Before, a failed legacy check was repeated with the NFKC form: twice the work.) A plain
    /// bcrypt hash binds only the first 72 UTF-8 bytes, as it always did on the system that wrote it, and the rehash it
    /// asks for then binds the whole password.
    /// </para>
    /// </remarks>
    public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword) =>
        Verify(hashedPassword, providedPassword, out _);

    /// <inheritdoc />
    public PasswordVerificationResult VerifyDummyHash(string? providedPassword)
    {
        // The same path as a wrong password against a current-format hash: normalization, HMAC, bcrypt at the
        // current cost, constant-time comparison. The outcome is discarded.
        _ = VerifyHashedPassword(_dummyHash, providedPassword ?? string.Empty);
        return PasswordVerificationResult.Failed;
    }

    /// <summary>Verifies, and tells what the stored hash was (the credential verifier logs a corrupt one).</summary>
    internal PasswordVerificationResult Verify(string? hashedPassword, string? providedPassword, out StoredHashVerdict verdict)
    {
        verdict = StoredHashVerdict.Usable;
        if (providedPassword is null || providedPassword.Length > CredentialNormalizer.MaximumPasswordInputLength
            || !PasswordPreHash.TryNormalize(providedPassword, out var normalized))
        {
            return PasswordVerificationResult.Failed;
        }

        // Work is counted in bcrypt units (HashWork): the dummy is 2^WorkFactor, and every failure spends exactly that.
        // A PBKDF2 run is charged the units its measured time is worth at the learned cost of a unit (PaddingCalibration),
        // within a factor of the table rate; every bcrypt run below feeds that cost.
        var clock = Calibration.Clock;
        var run = default(StoredRun);
        var result = PasswordVerificationResult.Failed;
        var start = clock.GetTimestamp();
        try
        {
            result = VerifyStored(hashedPassword, providedPassword, normalized, ref run, out verdict);
        }
        catch (Exception exception) when (exception is BCrypt.Net.SaltParseException or ArgumentException or FormatException or CryptographicException)
        {
            // Defence in depth: the parsers admit only what these libraries accept. What ran is unknown: learn nothing.
            verdict = StoredHashVerdict.Unrecognized;
            run = new StoredRun { Charged = run.Charged };
        }

        var stored = clock.GetTimestamp();
        if (run.Iterations > 0)
        {
            run.Charged = Calibration.Pbkdf2Units(run.Prf, run.Iterations, stored - start);
            Observer?.Pbkdf2Charged(run.Charged);
        }
        else
        {
            Calibration.ObserveBcrypt(run.BcryptUnits, stored - start);
        }

        if (result == PasswordVerificationResult.Failed)
        {
            var padded = Pad(HashWork.Bcrypt(_workFactor) - run.Charged);
            Calibration.ObserveBcrypt(padded, clock.GetTimestamp() - stored);
        }

        return result;
    }

    // What the stored hash's verification ran: bcrypt units, or a PBKDF2 run; and the units it is charged.
    private struct StoredRun
    {
        public long Charged;
        public long BcryptUnits;
        public HashAlgorithmName Prf;
        public int Iterations;
    }

    private PasswordVerificationResult VerifyStored(string? hashedPassword, string provided, string normalized, ref StoredRun run, out StoredHashVerdict verdict)
    {
        verdict = StoredHashVerdict.Unrecognized;
        if (hashedPassword is null || hashedPassword.Length > MaximumHashLength)
        {
            return PasswordVerificationResult.Failed;
        }

        if (hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return VerifyCurrentFormat(hashedPassword, normalized, ref run, out verdict);
        }

        if (BcryptString.TryParse(hashedPassword, out var revision, out var cost) && revision is 'a' or 'b' or 'y')
        {
            if (cost > _ceiling)
            {
                verdict = StoredHashVerdict.AboveCeiling;
                return PasswordVerificationResult.Failed;
            }

            verdict = StoredHashVerdict.Usable;
            run.Charged = run.BcryptUnits = HashWork.Bcrypt(cost);
            return RunBcrypt(provided, hashedPassword, cost) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
        }

        if (IdentityPasswordHash.TryDecode(hashedPassword, out var identity)
            && IdentityPasswordHash.TryReadWork(identity, out var prf, out var iterations))
        {
            if (iterations > HashWork.MaximumIterations(prf, _ceiling))
            {
                verdict = StoredHashVerdict.AboveCeiling;
                return PasswordVerificationResult.Failed;
            }

            verdict = StoredHashVerdict.Usable;
            run.Charged = PaddingCalibration.TableUnits(prf, iterations);
            run.Prf = prf;
            run.Iterations = iterations;
            Observer?.Pbkdf2(prf, iterations);
            return IdentityPasswordHash.Verify(identity, provided) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
        }

        return PasswordVerificationResult.Failed;
    }

    // Makes up the difference between the work spent and the dummy's with bcrypt runs of decreasing cost (the
    // difference's binary digits): at most WorkFactor - 2 runs. Exact for every bcrypt format; an Identity hash's
    // PBKDF2 share, charged its measured time (PaddingCalibration), is rounded to the nearest 16 units (the cheapest
    // run), under 0.4% of a cost-11 verification. Returns the units run.
    private long Pad(long units)
    {
        const int cheapest = EksBlowfish.MinimumCost;
        long padded = 0;
        for (var cost = _workFactor; cost >= cheapest; cost--)
        {
            while (units >= HashWork.Bcrypt(cost))
            {
                _ = RunBcrypt(PadText, _padHashes[cost], cost);
                units -= HashWork.Bcrypt(cost);
                padded += HashWork.Bcrypt(cost);
            }
        }

        if (units * 2 >= HashWork.Bcrypt(cheapest))
        {
            _ = RunBcrypt(PadText, _padHashes[cheapest], cheapest);
            padded += HashWork.Bcrypt(cheapest);
        }

        return padded;
    }

    private bool RunBcrypt(ReadOnlySpan<char> text, ReadOnlySpan<char> bcryptString, int cost)
    {
        Observer?.Bcrypt(cost);
        return BcryptMatches(text, bcryptString);
    }

    private bool BcryptMatches(ReadOnlySpan<char> text, ReadOnlySpan<char> bcryptString)
    {
        if (_engine == BcryptEngine.Managed)
        {
            return ManagedBcrypt.Verify(text, bcryptString);
        }

        // HashPassword with the stored string as the salt reproduces it (revision, cost and salt) when the text matches.
        var computed = BCryptNet.HashPassword(text.ToString(), bcryptString.ToString());
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(computed.AsSpan()),
            MemoryMarshal.AsBytes(bcryptString));
    }

    private string HashNormalized(string normalized)
    {
        Span<char> text = stackalloc char[PasswordPreHash.PreHashLength];
        try
        {
            PasswordPreHash.PreHash(_currentKey, normalized, text);
            if (_engine == BcryptEngine.BCryptNet)
            {
                return string.Concat(Prefix, _currentKeyId, BCryptNet.HashPassword(text.ToString(), BCryptNet.GenerateSalt(_workFactor, Revision)));
            }

            Span<byte> salt = stackalloc byte[SaltBytes];
            RandomNumberGenerator.Fill(salt);
            Span<char> bcrypt = stackalloc char[BcryptString.Length];

            // Cannot fail (64 ASCII characters, a validated cost, 16 salt bytes); never store what it did not write.
            return ManagedBcrypt.TryHash(text, Revision, _workFactor, salt, bcrypt)
                ? string.Concat(Prefix, _currentKeyId, bcrypt)
                : throw new InvalidOperationException("The bcrypt engine refused its own arguments.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(text));
        }
    }

    private PasswordVerificationResult VerifyCurrentFormat(string hashedPassword, string normalized, ref StoredRun run, out StoredHashVerdict verdict)
    {
        verdict = StoredHashVerdict.Unrecognized;
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

        if (cost > _ceiling)
        {
            verdict = StoredHashVerdict.AboveCeiling;
            return PasswordVerificationResult.Failed;
        }

        verdict = StoredHashVerdict.Usable;
        run.Charged = run.BcryptUnits = HashWork.Bcrypt(cost);

        Span<char> text = stackalloc char[PasswordPreHash.PreHashLength];
        bool matches;
        try
        {
            PasswordPreHash.PreHash(key, normalized, text);
            matches = RunBcrypt(text, bcrypt, cost);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(text));
        }

        if (!matches)
        {
            return PasswordVerificationResult.Failed;
        }

        return cost < _workFactor || !string.Equals(id, _currentKeyId, StringComparison.Ordinal)
            ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Success;
    }
}
