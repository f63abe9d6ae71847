using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Xunit.Abstractions;
using BCryptNet = BCrypt.Net.BCrypt;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>
/// The managed engine is bcrypt: byte-identical to libxcrypt, htpasswd and mkpasswd on committed vectors, and to
/// BCrypt.Net-Next on generated inputs (a fixed seed, and a fresh seed each run that the log prints).
/// </summary>
public sealed class ManagedBcryptTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20261201;
    private const int FixedSeedInputs = 10_000;
    private const int FreshSeedInputs = 2_000;

    [Fact]
    public void Vectors_CoverRevisionsCostsToolsAndLengths()
    {
        var all = BcryptVector.All;

        Assert.Superset(new HashSet<string> { "$2a$", "$2b$", "$2y$" }, all.Select(v => v.Hash[..4]).ToHashSet());
        Assert.Superset(new HashSet<string> { "04", "05", "06" }, all.Select(v => v.Hash[4..6]).ToHashSet());
        Assert.Superset(new HashSet<string> { "libxcrypt", "htpasswd", "mkpasswd" }, all.Select(v => v.Tool).ToHashSet());
        Assert.Superset(new HashSet<int> { 0, 71, 72, 73, 200 }, all.Select(v => v.Utf8Bytes).ToHashSet());
        Assert.Contains(all, v => v.Password.Any(c => c > 0x7F));
        Assert.All(all, v => Assert.Equal(v.Utf8Bytes, Encoding.UTF8.GetByteCount(v.Password)));
    }

    [Theory]
    [MemberData(nameof(BcryptVector.Names), MemberType = typeof(BcryptVector))]
    public void TryHash_IndependentToolVector_ReproducesTheHashExactly(string name)
    {
        var vector = BcryptVector.Named(name);

        Assert.Equal(vector.Hash, HashWithSaltOf(vector.Password, vector.Hash));
    }

    [Theory]
    [MemberData(nameof(BcryptVector.Names), MemberType = typeof(BcryptVector))]
    public void Verify_IndependentToolVector_AcceptsItsPasswordOnly(string name)
    {
        var vector = BcryptVector.Named(name);

        Assert.True(ManagedBcrypt.Verify(vector.Password, vector.Hash));
        Assert.False(ManagedBcrypt.Verify(vector.Password + "!", vector.Hash) && vector.Utf8Bytes < 72);
        Assert.False(ManagedBcrypt.Verify("wrong", vector.Hash));
    }

    [Theory]
    [MemberData(nameof(BcryptVector.Names), MemberType = typeof(BcryptVector))]
    public void BCryptNet_IndependentToolVector_AgreesSoTheOracleIsSound(string name)
    {
        var vector = BcryptVector.Named(name);

        Assert.Equal(vector.Hash, BCryptNet.HashPassword(vector.Password, vector.Hash));
    }

    [Fact]
    public void TryHash_GeneratedInputsFixedSeed_MatchBCryptNet() => AssertMatchesBCryptNet(FixedSeed, FixedSeedInputs);

    [Fact]
    public void TryHash_GeneratedInputsFreshSeed_MatchBCryptNet()
    {
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        output.WriteLine($"Fresh seed for this run: {seed} (reproduce by passing it to AssertMatchesBCryptNet).");
        AssertMatchesBCryptNet(seed, FreshSeedInputs);
    }

    [Theory]
    [InlineData(71, 'a')]
    [InlineData(72, 'b')]
    [InlineData(73, 'y')]
    [InlineData(70, 'b')]
    public void TryHash_CharactersStraddlingByte72_MatchBCryptNet(int asciiPrefix, char revision)
    {
        foreach (var tail in new[] { "é", "€", "😀", "€€", "😀😀" })
        {
            var password = new string('q', asciiPrefix) + tail;
            var setting = $"$2{revision}$04$" + SaltText(RandomNumberGenerator.GetBytes(16));

            Assert.Equal(BCryptNet.HashPassword(password, setting), HashWithSaltOf(password, setting));
        }
    }

    [Fact]
    public void Verify_OnlyTheFirst72BytesCount()
    {
        var hash = HashWithSaltOf(new string('a', 72) + "x", "$2b$04$" + SaltText(new byte[16]));

        Assert.True(ManagedBcrypt.Verify(new string('a', 72) + "y", hash));
        Assert.False(ManagedBcrypt.Verify(new string('a', 71) + "y", hash));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('b')]
    [InlineData('y')]
    public void Verify_SaltWithStrayLowBitsInLastCharacter_AnswersAsBCryptNet(char revision)
    {
        // The 22nd salt character carries 2 bits (canonical: . O e u); "/", "P" and "9" carry stray low bits, so the string never re-encodes to itself.
        var canonical = BCryptNet.HashPassword("pw", $"$2{revision}$04$" + SaltText(RandomNumberGenerator.GetBytes(16)));
        foreach (var stray in "/P9")
        {
            var altered = canonical[..28] + stray + canonical[29..];

            Assert.Equal(BCryptNet.Verify("pw", altered), ManagedBcrypt.Verify("pw", altered));
            Assert.False(ManagedBcrypt.Verify("pw", altered));
        }

        Assert.True(ManagedBcrypt.Verify("pw", canonical));
    }

    [Theory]
    [InlineData("$2x$04$abcdefghijklmnopqrstuu1234567890123456789012345678901")]
    [InlineData("$2b$03$abcdefghijklmnopqrstuu1234567890123456789012345678901")]
    [InlineData("$2b$04$abcdefghijklmnopqrstuu123456789012345678901234567890")]
    [InlineData("$2b$04$abcdefghijklmnopqrstu!1234567890123456789012345678901")]
    [InlineData("")]
    public void Verify_NotABcryptStringOfRevisionAbOrY_FailsWithoutThrowing(string hash) =>
        Assert.False(ManagedBcrypt.Verify("pw", hash));

    [Fact]
    public void TryHash_LoneSurrogate_RefusesWithoutThrowing()
    {
        Span<char> destination = stackalloc char[60];

        Assert.False(ManagedBcrypt.TryHash("a\ud800", 'b', 4, new byte[16], destination));
        Assert.False(ManagedBcrypt.Verify("a\udc00", BCryptNet.HashPassword("a", 4)));
    }

    [Theory]
    [InlineData('x', 4, 16)]
    [InlineData('b', 3, 16)]
    [InlineData('b', 32, 16)]
    [InlineData('b', 4, 15)]
    public void TryHash_ArgumentOutOfRange_Refuses(char revision, int cost, int saltBytes)
    {
        Span<char> destination = stackalloc char[60];

        Assert.False(ManagedBcrypt.TryHash("pw", revision, cost, new byte[saltBytes], destination));
    }

    [Fact]
    public void Compute_KeyOutside1To72Bytes_Throws()
    {
        var hash = new byte[EksBlowfish.HashBytes];

        Assert.Throws<ArgumentOutOfRangeException>(() => EksBlowfish.Compute([], new byte[16], 4, hash));
        Assert.Throws<ArgumentOutOfRangeException>(() => EksBlowfish.Compute(new byte[73], new byte[16], 4, hash));
        Assert.Throws<ArgumentOutOfRangeException>(() => EksBlowfish.Compute(new byte[1], new byte[16], 32, hash));
    }

    [Fact]
    public void Verify_AfterWarmUp_AllocatesNothing()
    {
        const string password = "Pässwörd 😀 correct horse battery staple";
        var hash = BCryptNet.HashPassword(password, BCryptNet.GenerateSalt(4, 'b'));
        Assert.True(ManagedBcrypt.Verify(password, hash));

        // A per-hash allocation shows in every call; the runtime's own one-off work on this thread (tiering, call
        // counting under load) can show in one call. So: the fewest bytes any of a few verifications allocated.
        var fewest = long.MaxValue;
        for (var i = 0; i < 5 && fewest > 0; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var verified = ManagedBcrypt.Verify(password, hash);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(verified);
        }

        Assert.Equal(ReleaseBuildAllocation, fewest);
    }

    // The guarantee is the shipped (Release) build's. A Debug build's unoptimized EksBlowfish.Compute allocates a
    // fixed 216 bytes per call (measured: TryParse and the Base64 decode allocate nothing, Compute alone 216), which
    // would fail every local Debug run without saying anything about the package; CI runs Release and holds it to 0.
#if DEBUG
    private const long ReleaseBuildAllocation = 216;
#else
    private const long ReleaseBuildAllocation = 0;
#endif

    [Fact]
    public void Base64_RoundTripsEveryValueAndUsesBcryptsAlphabet()
    {
        var bytes = Enumerable.Range(0, 255).Select(i => (byte)i).ToArray();
        var text = new char[BcryptBase64.EncodedLength(bytes.Length)];
        var decoded = new byte[bytes.Length];

        BcryptBase64.Encode(bytes, text);

        Assert.True(BcryptBase64.TryDecode(text, decoded));
        Assert.Equal(bytes, decoded);
        Assert.Equal("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".ToHashSet(), text.ToHashSet());
        Assert.Equal(22, BcryptBase64.EncodedLength(16));
        Assert.Equal(31, BcryptBase64.EncodedLength(23));
    }

    private void AssertMatchesBCryptNet(int seed, int count)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, count).Select(_ => NextInput(random)).ToArray();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (password, setting) = inputs[i];
            var expected = BCryptNet.HashPassword(password, setting);
            var actual = HashWithSaltOf(password, setting);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"input {i}: {Escape(password)} with {setting}: {actual} != {expected}"));
            }
        });

        output.WriteLine($"seed {seed}: {count} inputs, {inputs.Count(x => Encoding.UTF8.GetByteCount(x.Password) > 72)} over 72 bytes, {inputs.Count(x => x.Password.Any(c => c > 0x7F))} non-ASCII, {mismatches.Count} mismatches");
        Assert.True(mismatches.IsEmpty, $"seed {seed}: {mismatches.Count} of {count} differ, e.g. {mismatches.FirstOrDefault()}");
    }

    // A password of 0-200 UTF-8 bytes mixing ASCII, NUL and controls, 2-, 3- and 4-byte characters; a revision; cost 4; a salt.
    private static (string Password, string Setting) NextInput(Random random)
    {
        var targetBytes = random.Next(0, 201);
        var builder = new StringBuilder();
        var bytes = 0;
        while (bytes < targetBytes)
        {
            var kind = random.Next(100);
            var scalar = kind switch
            {
                < 55 => random.Next(0x20, 0x7F),
                < 60 => random.Next(0x00, 0x20),
                < 75 => random.Next(0x80, 0x800),
                < 88 => NextBmpAbove0x800(random),
                _ => random.Next(0x10000, 0x110000),
            };
            var rune = new Rune(scalar);
            builder.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        var revision = "aby"[random.Next(3)];
        var salt = new byte[16];
        random.NextBytes(salt);
        return (builder.ToString(), $"$2{revision}$04$" + SaltText(salt));
    }

    private static int NextBmpAbove0x800(Random random)
    {
        int value;
        do
        {
            value = random.Next(0x800, 0x10000);
        }
        while (value is >= 0xD800 and <= 0xDFFF);
        return value;
    }

    private static string HashWithSaltOf(string password, string settingOrHash)
    {
        var salt = new byte[16];
        Assert.True(BcryptBase64.TryDecode(settingOrHash.AsSpan(7, 22), salt));
        var cost = int.Parse(settingOrHash.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var destination = new char[60];
        Assert.True(ManagedBcrypt.TryHash(password, settingOrHash[2], cost, salt, destination));
        return new string(destination);
    }

    private static string SaltText(byte[] salt)
    {
        var text = new char[22];
        BcryptBase64.Encode(salt, text);
        return new string(text);
    }

    private static string Escape(string value) =>
        string.Concat(value.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
