using CsCheck;
using Microsoft.Extensions.Options;
using MsOptions = Microsoft.Extensions.Options.Options;
using BCryptNet = BCrypt.Net.BCrypt;

namespace TrendAccount.Sdk.Tests.Hashing;

public sealed class BcryptPasswordHasherTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void HashPassword_NoPepper_WritesVersionedFormatWithBuiltInKeyAndCost()
    {
        var hash = TestHashers.Create().HashPassword(Password);

        Assert.Matches(@"^\$tabc1\$-\$2b\$04\$[./A-Za-z0-9]{53}$", hash);
    }

    [Fact]
    public void VerifyHashedPassword_DocumentedExample_StillVerifies()
    {
        // The example in docs/hashing.md and in the format comment; it fails if the pre-hash or built-in key ever changes.
        const string documented = "$tabc1$-$2b$11$b8h7112MFx31yfWhiMyDIeO6QapVIhBzgTjymOefSA7DKkP/4E02G";

        Assert.Equal(PasswordVerificationResult.Success, TestHashers.Create().VerifyHashedPassword(documented, Password));
    }

    [Fact]
    public void HashPassword_WithPepper_NamesThePepperId()
    {
        var hasher = TestHashers.Create(currentPepperId: "2025-q3", peppers: ("2025-q3", TestHashers.NewPepperKey()));

        var hash = hasher.HashPassword(Password);

        Assert.StartsWith("$tabc1$2025-q3$2b$04$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hash, Password));
    }

    [Fact]
    public void HashPassword_SamePasswordTwice_SaltsDifferAndBothVerify()
    {
        var hasher = TestHashers.Create();

        var first = hasher.HashPassword(Password);
        var second = hasher.HashPassword(Password);

        Assert.NotEqual(first, second);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(first, Password));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(second, Password));
    }

    [Fact]
    public void VerifyHashedPassword_WrongPassword_Fails()
    {
        var hasher = TestHashers.Create();
        var hash = hasher.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, Password + "!"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, string.Empty));
    }

    [Fact]
    public void VerifyHashedPassword_PasswordsSharingFirst72Bytes_Fail()
    {
        var stored = new string('a', 72) + "x";
        var other = new string('a', 72) + "y";
        Assert.True(BCryptNet.Verify(other, BCryptNet.HashPassword(stored, 4)), "control: raw bcrypt truncates at 72 bytes");
        var hasher = TestHashers.Create();

        var hash = hasher.HashPassword(stored);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hash, stored));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, other));
    }

    [Theory]
    [InlineData("€", 3)]
    [InlineData("ж", 2)]
    [InlineData("😀", 4)]
    public void VerifyHashedPassword_FiftyNonAsciiCharactersDifferingOnlyInTheLast_Fail(string repeated, int bytesEach)
    {
        var prefix = string.Concat(Enumerable.Repeat(repeated, 49));
        var stored = prefix + "Ω";
        var other = prefix + "Ψ";
        Assert.Equal(50, stored.EnumerateRunes().Count());
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(stored) > 72);
        Assert.Equal((49 * bytesEach) + 2, System.Text.Encoding.UTF8.GetByteCount(stored));
        var hasher = TestHashers.Create();

        var hash = hasher.HashPassword(stored);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hash, stored));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, other));
    }

    [Theory]
    [InlineData("caf\u00e9", "cafe\u0301")]
    [InlineData("cafe\u0301", "caf\u00e9")]
    [InlineData("caf\u00e9", "\uff43\uff41\uff46\u00e9")]
    [InlineData("\u212b", "\u00c5")]
    public void VerifyHashedPassword_EquivalentUnicodeSpellings_Succeed(string hashed, string typed)
    {
        Assert.NotEqual(hashed, typed);
        var hasher = TestHashers.Create();

        var hash = hasher.HashPassword(hashed);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hash, typed));
    }

    [Fact]
    public void VerifyHashedPassword_EmbeddedNul_IsPartOfThePassword()
    {
        Assert.True(BCryptNet.Verify("ab\0ab", BCryptNet.HashPassword("ab", 4)), "control: raw bcrypt stops at NUL");
        var hasher = TestHashers.Create();

        var plain = hasher.HashPassword("ab");
        var withNul = hasher.HashPassword("ab\0ab");

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(plain, "ab\0ab"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(withNul, "ab"));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(withNul, "ab\0ab"));
    }

    // xUnit serializes theory data as UTF-8, which would turn a lone surrogate into U+FFFD before the test sees it,
    // so the surrogates are passed as numbers and spliced in here.
    [Theory]
    [InlineData("a", 0xD800, "")]
    [InlineData("", 0xDC00, "bc")]
    [InlineData("a", 0xDFFF, "\ud83d\ude00")]
    [InlineData("", 0xD83D, "")]
    public void VerifyHashedPassword_LoneSurrogate_FailsWithoutThrowing(string before, int surrogate, string after)
    {
        var typed = before + (char)surrogate + after;
        Assert.True(char.IsSurrogate(typed, before.Length));
        var hasher = TestHashers.Create();
        var hash = hasher.HashPassword("a");

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, typed));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword("$2b$04$" + new string('a', 53), typed));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword("$2b$04$\ud800" + new string('a', 52), "a"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyDummyHash(typed));
    }

    [Theory]
    [InlineData("a", 0xD800, "")]
    [InlineData("", 0xDC00, "")]
    [InlineData("\ud83d\ude00", 0xDC00, "")]
    public void HashPassword_LoneSurrogate_ThrowsArgumentException(string before, int surrogate, string after)
    {
        var password = before + (char)surrogate + after;
        var hasher = TestHashers.Create();

        var exception = Assert.Throws<ArgumentException>(() => hasher.HashPassword(password));

        Assert.Equal("password", exception.ParamName);
    }

    [Fact]
    public void HashPassword_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => TestHashers.Create().HashPassword(null!));

    [Fact]
    public void HashPassword_LongerThanMaximum_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => TestHashers.Create().HashPassword(new string('a', CredentialNormalizer.MaximumPasswordInputLength + 1)));

    [Fact]
    public void VerifyHashedPassword_PasswordAtMaximumLength_Verifies()
    {
        var hasher = TestHashers.Create();
        var password = new string('€', CredentialNormalizer.MaximumPasswordInputLength);

        var hash = hasher.HashPassword(password);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(hash, password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, password + "€"));
    }

    [Fact]
    public void VerifyHashedPassword_SamePepperIdWithAnotherKey_Fails()
    {
        var writer = TestHashers.Create(currentPepperId: "p1", peppers: ("p1", TestHashers.NewPepperKey()));
        var reader = TestHashers.Create(currentPepperId: "p1", peppers: ("p1", TestHashers.NewPepperKey()));

        var hash = writer.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.Failed, reader.VerifyHashedPassword(hash, Password));
    }

    [Fact]
    public void VerifyHashedPassword_UnknownPepperId_Fails()
    {
        var writer = TestHashers.Create(currentPepperId: "gone", peppers: ("gone", TestHashers.NewPepperKey()));
        var reader = TestHashers.Create();

        var hash = writer.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.Failed, reader.VerifyHashedPassword(hash, Password));
    }

    [Fact]
    public void VerifyHashedPassword_PepperedHashRelabelledAsBuiltInKey_Fails()
    {
        var hasher = TestHashers.Create(currentPepperId: "p1", peppers: ("p1", TestHashers.NewPepperKey()));
        var hash = hasher.HashPassword(Password);

        var relabelled = hash.Replace("$tabc1$p1$", "$tabc1$-$", StringComparison.Ordinal);

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(relabelled, Password));
    }

    [Fact]
    public void VerifyHashedPassword_RotatedPepper_OldHashVerifiesAndAsksForRehash()
    {
        var oldKey = TestHashers.NewPepperKey();
        var before = TestHashers.Create(currentPepperId: "p1", peppers: ("p1", oldKey));
        var after = TestHashers.Create(currentPepperId: "p2", peppers: [("p1", oldKey), ("p2", TestHashers.NewPepperKey())]);
        var oldHash = before.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, after.VerifyHashedPassword(oldHash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, after.VerifyHashedPassword(oldHash, "wrong"));

        var newHash = after.HashPassword(Password);
        Assert.StartsWith("$tabc1$p2$", newHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, after.VerifyHashedPassword(newHash, Password));
    }

    [Fact]
    public void VerifyHashedPassword_HashFromBeforeAnyPepper_AsksForRehashOnceAPepperIsCurrent()
    {
        var before = TestHashers.Create();
        var after = TestHashers.Create(currentPepperId: "p1", peppers: ("p1", TestHashers.NewPepperKey()));

        var hash = before.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, after.VerifyHashedPassword(hash, Password));
    }

    [Fact]
    public void VerifyHashedPassword_PepperNoLongerCurrent_AsksForRehashBackToBuiltInKey()
    {
        var key = TestHashers.NewPepperKey();
        var before = TestHashers.Create(currentPepperId: "p1", peppers: ("p1", key));
        var after = TestHashers.Create(currentPepperId: null, peppers: ("p1", key));

        var hash = before.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, after.VerifyHashedPassword(hash, Password));
    }

    [Fact]
    public void VerifyHashedPassword_CostBelowConfigured_AsksForRehash()
    {
        var hash = TestHashers.Create(workFactor: 4).HashPassword(Password);
        var stronger = TestHashers.Create(workFactor: 5);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, stronger.VerifyHashedPassword(hash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, stronger.VerifyHashedPassword(hash, "wrong"));
        Assert.StartsWith("$tabc1$-$2b$05$", stronger.HashPassword(Password), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyHashedPassword_CostAboveConfigured_Succeeds()
    {
        var hash = TestHashers.Create(workFactor: 5).HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.Success, TestHashers.Create(workFactor: 4).VerifyHashedPassword(hash, Password));
    }

    public static TheoryData<string> CorruptHashes()
    {
        var valid = TestHashers.Create().HashPassword(Password);
        var bcrypt = valid["$tabc1$-".Length..];
        var lastFlipped = valid[..^1] + (valid[^1] == 'a' ? 'b' : 'a');
        return new TheoryData<string>
        {
            string.Empty,
            " ",
            "x",
            "not a hash",
            "$",
            "$tabc1$",
            "$tabc1$-",
            "$tabc1$-$",
            "$tabc1$$2b$04$" + bcrypt[7..],
            "$tabc1$-" + bcrypt[..^1],
            "$tabc1$-" + bcrypt + "x",
            "$tabc1$-" + bcrypt.Replace("$2b$", "$2a$", StringComparison.Ordinal),
            "$tabc1$-" + bcrypt.Replace("$04$", "$03$", StringComparison.Ordinal),
            "$tabc1$-" + bcrypt.Replace("$04$", "$4$$", StringComparison.Ordinal),
            "$tabc1$-" + bcrypt[..10] + "!" + bcrypt[11..],
            "$tabc1$-$tabc1$-" + bcrypt,
            "$tabc2$-" + bcrypt,
            "$TABC1$-" + bcrypt,
            lastFlipped,
            valid.ToUpperInvariant(),
            bcrypt.Replace("$2b$", "$2x$", StringComparison.Ordinal),
            bcrypt.Replace("$2b$", "$2c$", StringComparison.Ordinal),
            bcrypt.Replace("$04$", "$32$", StringComparison.Ordinal),
            "$2b$04$" + new string('!', 53),
            "$2b$04$" + new string('.', 52),
            "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g",
            "AAAA",
            "AQ==",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
            IdentityV3(prf: 7, iterations: 1000, saltLength: 16, payload: 48),
            IdentityV3(prf: 2, iterations: 0, saltLength: 16, payload: 48),
            IdentityV3(prf: 2, iterations: 1000, saltLength: uint.MaxValue, payload: 48),
            IdentityV3(prf: 2, iterations: 1000, saltLength: 8, payload: 48),
            IdentityV3(prf: 2, iterations: 1000, saltLength: 40, payload: 48),
            IdentityV3(prf: 2, iterations: uint.MaxValue, saltLength: 16, payload: 48),
            IdentityV3(prf: 2, iterations: 1000, saltLength: 16, payload: 48)[..^4],
            Convert.ToBase64String(new byte[49]).Replace('A', 'B'),
            Convert.ToBase64String(new byte[50]),
            Convert.ToBase64String([0x02, .. new byte[60]]),
            "!!!!",
            new string('$', 5000),
            new string('A', 100_000),
        };
    }

    private static string IdentityV3(uint prf, uint iterations, uint saltLength, int payload)
    {
        var bytes = new byte[13 + payload];
        bytes[0] = 0x01;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), prf);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), iterations);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), saltLength);
        return Convert.ToBase64String(bytes);
    }

    [Theory]
    [MemberData(nameof(CorruptHashes))]
    public void VerifyHashedPassword_CorruptOrUnknownHash_Fails(string hashedPassword)
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hashedPassword, Password));
    }

    [Fact]
    public void VerifyHashedPassword_NullArguments_Fail()
    {
        var hasher = TestHashers.Create();
        var hash = hasher.HashPassword(Password);

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, null!));
    }

    [Fact]
    public void VerifyHashedPassword_ManyThreadsAtOnce_EachResultCorrect()
    {
        var hasher = TestHashers.Create();
        const int count = 48;
        var hashes = new string[count];

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => hashes[i] = hasher.HashPassword($"password-{i}-ü"));
        var results = new (PasswordVerificationResult Own, PasswordVerificationResult Neighbour)[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = (
            hasher.VerifyHashedPassword(hashes[i], $"password-{i}-ü"),
            hasher.VerifyHashedPassword(hashes[i], $"password-{(i + 1) % count}-ü")));

        Assert.Equal(count, hashes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(results, r => Assert.Equal(PasswordVerificationResult.Success, r.Own));
        Assert.All(results, r => Assert.Equal(PasswordVerificationResult.Failed, r.Neighbour));
    }

    [Fact]
    public void VerifyHashedPassword_RandomPasswords_OwnVerifiesAndOtherFails()
    {
        var hasher = TestHashers.Create();
        // Any Unicode scalar value, so supplementary characters come as whole surrogate pairs.
        var scalar = Gen.Int[0, 0x10FFFF].Where(v => v is < 0xD800 or > 0xDFFF).Select(v => new System.Text.Rune(v).ToString());
        var password = scalar.Array[0, 50].Select(string.Concat);
        Gen.Select(password, password)
            .Where((a, b) => a.Normalize(System.Text.NormalizationForm.FormKC) != b.Normalize(System.Text.NormalizationForm.FormKC))
            .Sample(
                (a, b) =>
                {
                    var hash = hasher.HashPassword(a);
                    return hasher.VerifyHashedPassword(hash, a) == PasswordVerificationResult.Success
                        && hasher.VerifyHashedPassword(hash, b) == PasswordVerificationResult.Failed;
                },
                iter: 40,
                threads: 1);
    }

    [Fact]
    public void VerifyDummyHash_AnyPassword_Fails()
    {
        var hasher = TestHashers.Create();

        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyDummyHash(Password));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyDummyHash(string.Empty));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyDummyHash(null));
        Assert.IsAssignableFrom<IDummyPasswordVerifier>(hasher);
    }

    [Fact]
    public void Constructor_OptionsChangedAfterwards_KeepsTheSettingsItRead()
    {
        var options = new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true };
        var hasher = new BcryptPasswordHasher(options);

        options.WorkFactor = 5;
        options.Peppers["p1"] = TestHashers.NewPepperKey();
        options.CurrentPepperId = "p1";

        Assert.StartsWith("$tabc1$-$2b$04$", hasher.HashPassword(Password), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheSetting()
    {
        var options = new HashingOptions { WorkFactor = 9 };

        var exception = Assert.Throws<OptionsValidationException>(() => new BcryptPasswordHasher(options));

        Assert.Contains("TrendAccount:Hashing:WorkFactor", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FromIOptions_UsesTheHashingGroup()
    {
        var hashing = new HashingOptions { WorkFactor = 4, AllowInsecureWorkFactorForTesting = true };

        var hasher = new BcryptPasswordHasher(MsOptions.Create(hashing));

        Assert.StartsWith("$tabc1$-$2b$04$", hasher.HashPassword(Password), StringComparison.Ordinal);
    }
}
