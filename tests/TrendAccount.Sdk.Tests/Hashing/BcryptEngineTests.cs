using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using BCryptNet = BCrypt.Net.BCrypt;

namespace TrendAccount.Sdk.Tests.Hashing;

/// <summary>Choosing the bcrypt engine, and what stays the same whichever runs.</summary>
public sealed class BcryptEngineTests
{
    private const string Password = "correct horse battery staple";

    public static TheoryData<BcryptEngine> Engines() => new(BcryptEngine.Managed, BcryptEngine.BCryptNet);

    [Fact]
    public void HashingOptions_Default_IsTheManagedEngine()
    {
        var options = new HashingOptions();

        Assert.Equal(BcryptEngine.Managed, options.Engine);
        Assert.Equal(BcryptEngine.Managed, HashingOptions.DefaultEngine);
        Assert.Equal(BcryptEngine.Managed, new BcryptPasswordHasher(new HashingOptions()).Engine);
    }

    [Theory]
    [InlineData(BcryptEngine.Managed, BcryptEngine.BCryptNet)]
    [InlineData(BcryptEngine.BCryptNet, BcryptEngine.Managed)]
    public void HashPassword_OneEngine_TheOtherVerifies(BcryptEngine writer, BcryptEngine reader)
    {
        var hash = TestHashers.Create(writer).HashPassword(Password);
        var other = TestHashers.Create(reader);

        Assert.Equal(writer, TestHashers.Create(writer).Engine);
        Assert.Equal(PasswordVerificationResult.Success, other.VerifyHashedPassword(hash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, other.VerifyHashedPassword(hash, Password + "!"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void VerifyHashedPassword_DocumentedExampleAndLegacyFixtures_VerifyOnEitherEngine(BcryptEngine engine)
    {
        var hasher = TestHashers.Create(engine);

        Assert.Equal(
            PasswordVerificationResult.Success,
            hasher.VerifyHashedPassword("$tabc1$-$2b$11$b8h7112MFx31yfWhiMyDIeO6QapVIhBzgTjymOefSA7DKkP/4E02G", Password));
        Assert.All(LegacyHashFixture.All, f => Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(f.Hash, f.Password)));
        Assert.All(BcryptVector.All, v => Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(v.Hash, v.Password)));
    }

    [Fact]
    public void VerifyHashedPassword_PlainBcryptFromBCryptNet_VerifiesOnTheManagedEngine()
    {
        var hasher = TestHashers.Create(BcryptEngine.Managed);
        foreach (var revision in "aby")
        {
            var hash = BCryptNet.HashPassword("Pässwörd 😀", BCryptNet.GenerateSalt(4, revision));

            Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(hash, "Pässwörd 😀"));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hash, "Passwörd 😀"));
        }
    }

    [Fact]
    public void Constructor_UndefinedEngine_ThrowsNamingTheSetting()
    {
        var options = new HashingOptions { Engine = (BcryptEngine)7, WorkFactor = 4, AllowInsecureWorkFactorForTesting = true };

        var exception = Assert.Throws<OptionsValidationException>(() => new BcryptPasswordHasher(options));

        Assert.Contains("TrendAccount:Hashing:Engine", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTrendAccount_EngineFromConfiguration_IsBound()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TrendAccount:Hashing:Engine"] = "BCryptNet" })
            .Build();
        var services = new ServiceCollection();
        services.AddTrendAccount(configuration.GetSection("TrendAccount"));
        using var provider = services.BuildServiceProvider();

        // Apply the binding alone: the flows' start-up checks (stores, mailer...) are not this test's business.
        var options = new TrendAccountOptions();
        foreach (var configure in provider.GetServices<IConfigureOptions<TrendAccountOptions>>())
        {
            configure.Configure(options);
        }

        Assert.Equal(BcryptEngine.BCryptNet, options.Hashing.Engine);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DummyHash_IsTheCurrentFormatAtTheCurrentCostAndPepper_AndNothingMatchesIt(BcryptEngine engine)
    {
        var hasher = TestHashers.Create(engine, workFactor: 5, currentPepperId: "p1", peppers: ("p1", TestHashers.NewPepperKey()));

        Assert.Matches(@"^\$tabc1\$p1\$2b\$05\$[./A-Za-z0-9]{53}$", hasher.DummyHash);
        Assert.NotEqual(hasher.DummyHash, TestHashers.Create(engine, workFactor: 5).DummyHash);
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(hasher.DummyHash, string.Empty));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyDummyHash(Password));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void VerifyHashedPassword_AnyStoredAndProvidedInput_NeverThrows(BcryptEngine engine)
    {
        // Issue 9: the interface promises no exception on provided or stored input. Mutations of real hashes (every
        // format) and arbitrary passwords, lone surrogates and NUL included.
        var hasher = TestHashers.Create(engine);
        string[] seeds =
        [
            hasher.HashPassword(Password),
            BCryptNet.HashPassword(Password, 4),
            LegacyHashFixture.Named("identity-v3-1000-ascii").Hash,
            LegacyHashFixture.Named("htpasswd-2y-ascii").Hash,
        ];
        var text = Gen.Char.Array[0, 80].Select(c => new string(c));
        var mutated = Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, 3], Gen.Int[0, 200], Gen.Char).Select((s, kind, at, c) =>
        {
            var hash = seeds[s];
            var i = at % (hash.Length + 1);
            return kind switch
            {
                0 => hash[..i],
                1 => hash[..i] + c + hash[i..],
                2 => i < hash.Length ? hash[..i] + c + hash[(i + 1)..] : hash + c,
                _ => hash[..i] + "$" + hash[i..],
            };
        });

        Gen.Select(Gen.OneOf(mutated, text), text).Sample(
            (hash, password) => hasher.VerifyHashedPassword(hash, password) is PasswordVerificationResult.Failed
                or PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded,
            iter: 300,
            threads: 1);
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, null!));
    }
}
