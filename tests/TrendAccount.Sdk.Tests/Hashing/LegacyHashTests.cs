using Microsoft.AspNetCore.Identity;
using MsOptions = Microsoft.Extensions.Options.Options;
using IdentityResult = Microsoft.AspNetCore.Identity.PasswordVerificationResult;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>Hashes written by other systems (bcrypt tools, ASP.NET Core Identity) verify and ask to be upgraded.</summary>
public sealed class LegacyHashTests
{
    private static readonly BcryptPasswordHasher Hasher = TestHashers.Create();

    [Fact]
    public void Fixtures_CoverEveryLegacyFormat()
    {
        var formats = LegacyHashFixture.All.Select(f => f.Format).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string> { "bcrypt-2a", "bcrypt-2b", "bcrypt-2y", "identity-v2", "identity-v3" }, formats);
        Assert.All(LegacyHashFixture.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Command)));
    }

    [Theory]
    [MemberData(nameof(LegacyHashFixture.Names), MemberType = typeof(LegacyHashFixture))]
    public void VerifyHashedPassword_LegacyFixtureWithItsPassword_SucceedsAndAsksForRehash(string name)
    {
        var fixture = LegacyHashFixture.Named(name);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher.VerifyHashedPassword(fixture.Hash, fixture.Password));
    }

    [Theory]
    [MemberData(nameof(LegacyHashFixture.Names), MemberType = typeof(LegacyHashFixture))]
    public void VerifyHashedPassword_LegacyFixtureWithWrongPassword_Fails(string name)
    {
        var fixture = LegacyHashFixture.Named(name);

        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(fixture.Hash, fixture.WrongPassword));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(fixture.Hash, string.Empty));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(fixture.Hash, fixture.Password + "\ud800"));
    }

    [Theory]
    [MemberData(nameof(LegacyHashFixture.Names), MemberType = typeof(LegacyHashFixture))]
    public void VerifyHashedPassword_LegacyFixtureWithOneCharacterChanged_Fails(string name)
    {
        var fixture = LegacyHashFixture.Named(name);
        var hash = fixture.Hash;
        var index = hash.Length - (hash.EndsWith("==", StringComparison.Ordinal) ? 6 : 3);
        var tampered = hash[..index] + (hash[index] == 'A' ? 'B' : 'A') + hash[(index + 1)..];

        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(tampered, fixture.Password));
    }

    [Theory]
    [InlineData("htpasswd-2y-long73")]
    [InlineData("mkpasswd-2b-long73")]
    [InlineData("python-2a-long73")]
    public void VerifyHashedPassword_LegacyBcryptOfLongPassword_BindsOnlyFirst72BytesUntilRehashed(string name)
    {
        // Plain bcrypt never read past 72 bytes; a migrated hash keeps that weakness until its first rehash.
        var fixture = LegacyHashFixture.Named(name);
        var sameFirst72Bytes = fixture.Password[..72] + "y";

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher.VerifyHashedPassword(fixture.Hash, sameFirst72Bytes));

        var upgraded = Hasher.HashPassword(fixture.Password);
        Assert.Equal(PasswordVerificationResult.Success, Hasher.VerifyHashedPassword(upgraded, fixture.Password));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(upgraded, sameFirst72Bytes));
    }

    [Fact]
    public void VerifyHashedPassword_LegacyHashOfNfcTypedAsNfd_SucceedsInTheNfkcFormTheFlowsPass()
    {
        // Verified once, as provided (issue #11, item 6): the flows normalize the typed NFD to NFKC before verifying.
        var fixture = LegacyHashFixture.Named("htpasswd-2y-cafe-nfc");
        var typed = "cafe\u0301";

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher.VerifyHashedPassword(fixture.Hash, CredentialNormalizer.Default.NormalizePassword(typed).Value));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(fixture.Hash, typed));
    }

    [Theory]
    [MemberData(nameof(LegacyHashFixture.Names), MemberType = typeof(LegacyHashFixture))]
    public void IdentityPasswordHasher_IdentityFixture_AcceptsIt(string name)
    {
        // Proves the Identity fixtures (including the hand-assembled V3 SHA-256 and SHA-1 ones) are what Identity reads.
        var fixture = LegacyHashFixture.Named(name);
        if (!fixture.Format.StartsWith("identity", StringComparison.Ordinal))
        {
            return;
        }

        var identity = new PasswordHasher<object>();

        Assert.NotEqual(IdentityResult.Failed, identity.VerifyHashedPassword(new object(), fixture.Hash, fixture.Password));
        Assert.Equal(IdentityResult.Failed, identity.VerifyHashedPassword(new object(), fixture.Hash, fixture.WrongPassword));
    }

    [Theory]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV2, 1000, "correct horse battery staple")]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV3, 1000, "Pässwörd-ünïcode-€ 😀")]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV3, 100_000, "correct horse battery staple")]
    public void VerifyHashedPassword_FreshIdentityHash_SucceedsAndAsksForRehash(PasswordHasherCompatibilityMode mode, int iterations, string password)
    {
        var identity = new PasswordHasher<object>(MsOptions.Create(new PasswordHasherOptions { CompatibilityMode = mode, IterationCount = iterations }));

        var hash = identity.HashPassword(new object(), password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher.VerifyHashedPassword(hash, password));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(hash, password[..^1]));
    }

    [Fact]
    public void VerifyHashedPassword_IdentityHashAboveIterationLimit_Fails()
    {
        var bytes = Convert.FromBase64String(LegacyHashFixture.Named("identity-v3-1000-ascii").Hash);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), 10_000_001);

        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword(Convert.ToBase64String(bytes), "correct horse battery staple"));
    }

    [Fact]
    public void VerifyHashedPassword_BcryptRevision2x_Fails()
    {
        // $2x$ marks hashes from the crypt_blowfish sign-extension bug; BCrypt.Net does not reproduce it, so refuse.
        var fixture = LegacyHashFixture.Named("htpasswd-2y-ascii");

        Assert.Equal(PasswordVerificationResult.Failed, Hasher.VerifyHashedPassword("$2x$" + fixture.Hash[4..], fixture.Password));
    }
}
