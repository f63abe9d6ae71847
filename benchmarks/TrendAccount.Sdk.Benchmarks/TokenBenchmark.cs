using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>Issuing a token and verifying a presented token against a stored digest.</summary>
[MemoryDiagnoser]
public class TokenBenchmark
{
    private IssuedToken _issued;

    [GlobalSetup]
    public void Setup() => _issued = SecureTokens.Issue();

    /// <summary>The floor: 32 random bytes, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public byte[] RandomBytesOnly() => RandomNumberGenerator.GetBytes(SecureTokens.TokenBytes);

    [Benchmark]
    public string Issue() => SecureTokens.Issue().Digest; // IssuedToken is internal; the digest keeps the work observable.

    [Benchmark]
    public bool Verify() => SecureTokens.Verify(_issued.Token, _issued.Digest);
}
