using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BCryptNet = BCrypt.Net.BCrypt;
using IdentityPasswordHasher = Microsoft.AspNetCore.Identity.PasswordHasher<object>;
using IdentityResult = Microsoft.AspNetCore.Identity.PasswordVerificationResult;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// What the SDK's hasher adds on top of its bcrypt engine. Two groups (categories), each with its own baseline, at
/// each cost: <c>Hash</c> (the managed engine's raw bcrypt hash vs <see cref="BcryptPasswordHasher.HashPassword"/>) and
/// <c>Verify</c> (the engine's raw verify vs <see cref="BcryptPasswordHasher.VerifyHashedPassword"/>). Peer rows:
/// BCrypt.Net-Next raw, and ASP.NET Core Identity's <c>PasswordHasher&lt;T&gt;</c> (V3: PBKDF2-HMAC-SHA512, 100,000
/// iterations; it has no cost knob). Goal: SDK / raw engine ≤ 1.02 in each group.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class PasswordHashingBenchmark
{
    private const string Password = "correct horse battery staple";
    private static readonly object User = new();

    private BcryptPasswordHasher _sdk = null!;
    private IdentityPasswordHasher _identity = null!;
    private string _rawHash = null!;
    private byte[] _salt = null!;
    private string _sdkHash = null!;
    private string _identityHash = null!;

    /// <summary>Gets or sets the bcrypt cost (log2 of the rounds).</summary>
    [Params(10, 11)]
    public int Cost { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sdk = new BcryptPasswordHasher(new HashingOptions { WorkFactor = Cost });
        _identity = new IdentityPasswordHasher();
        _rawHash = BCryptNet.HashPassword(Password, BCryptNet.GenerateSalt(Cost, 'b'));
        _salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        _sdkHash = _sdk.HashPassword(Password);
        _identityHash = _identity.HashPassword(User, Password);
        if (!BCryptNet.Verify(Password, _rawHash)
            || _sdk.VerifyHashedPassword(_sdkHash, Password) != PasswordVerificationResult.Success
            || _identity.VerifyHashedPassword(User, _identityHash, Password) == IdentityResult.Failed)
        {
            throw new InvalidOperationException("A hasher does not verify its own hash.");
        }
    }

    /// <summary>The SDK's engine alone, same revision ($2b$) and cost as the SDK writes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Hash")]
    public string RawEngineHash()
    {
        Span<char> hash = stackalloc char[60];
        _ = ManagedBcrypt.TryHash(Password, 'b', Cost, _salt, hash);
        return new string(hash);
    }

    [Benchmark]
    [BenchmarkCategory("Hash")]
    public string RawBCryptNetHash() => BCryptNet.HashPassword(Password, BCryptNet.GenerateSalt(Cost, 'b'));

    [Benchmark]
    [BenchmarkCategory("Hash")]
    public string SdkHash() => _sdk.HashPassword(Password);

    [Benchmark]
    [BenchmarkCategory("Hash")]
    public string IdentityV3Hash() => _identity.HashPassword(User, Password);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Verify")]
    public bool RawEngineVerify() => ManagedBcrypt.Verify(Password, _rawHash);

    [Benchmark]
    [BenchmarkCategory("Verify")]
    public bool RawBCryptNetVerify() => BCryptNet.Verify(Password, _rawHash);

    [Benchmark]
    [BenchmarkCategory("Verify")]
    public PasswordVerificationResult SdkVerify() => _sdk.VerifyHashedPassword(_sdkHash, Password);

    [Benchmark]
    [BenchmarkCategory("Verify")]
    public IdentityResult IdentityV3Verify() => _identity.VerifyHashedPassword(User, _identityHash, Password);
}
