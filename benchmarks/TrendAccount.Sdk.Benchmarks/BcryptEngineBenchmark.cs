using BenchmarkDotNet.Attributes;
using BCryptNet = BCrypt.Net.BCrypt;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// One bcrypt verification ($2b$) per engine at cost 10 and 11: native libxcrypt (<c>crypt_rn</c> from
/// libcrypt.so.1, the baseline), the SDK's managed engine, and BCrypt.Net-Next. Goal: managed ÷ native ≤ 1.05.
/// Run it out of process (never <c>--inProcess</c> for a ratio you quote); the paired harness
/// (<c>--paired engines</c>) gives the tighter interval, see docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class BcryptEngineBenchmark
{
    private const string Password = "correct horse battery staple";

    private string _hash = null!;
    private byte[] _passwordC = null!;
    private byte[] _hashC = null!;

    /// <summary>Gets or sets the bcrypt cost (log2 of the rounds).</summary>
    [Params(10, 11)]
    public int Cost { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hash = BCryptNet.HashPassword(Password, BCryptNet.GenerateSalt(Cost, 'b'));
        _passwordC = Libxcrypt.CString(Password);
        _hashC = Libxcrypt.CString(_hash);
        if (!NativeLibxcrypt() || !Managed() || !BCryptNetNext())
        {
            throw new InvalidOperationException("An engine does not verify the hash.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool NativeLibxcrypt() => Libxcrypt.Verify(_passwordC, _hashC);

    [Benchmark]
    public bool Managed() => ManagedBcrypt.Verify(Password, _hash);

    [Benchmark]
    public bool BCryptNetNext() => BCryptNet.Verify(Password, _hash);
}
