using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// The most expensive sign-ins an attacker can send, at work factor 11 (issue #11, item 12): passwords and addresses
/// of alternating combining marks at and over the caps, and an account whose stored hash claims cost 31. Baseline: a
/// wrong password on a current hash. Goal (docs/benchmarks.md): the slowest ≤ 1.1×. The paired harness
/// (<c>--paired hostile</c>) gives the same comparison interleaved, with intervals.
/// </summary>
[MemoryDiagnoser]
public class HostileSignInBenchmark
{
    private StoredHashScenarios? _world;
    private SignInRequest? _marksAtCap;
    private SignInRequest? _marks32K;
    private SignInRequest? _marksEmail;

    [GlobalSetup]
    public void Setup()
    {
        _world = StoredHashScenarios.Create(HashingOptions.DefaultWorkFactor);
        (_marksAtCap, _marks32K, _marksEmail) = HostileRequests.Create();
        _world.Fail(_world.Requests["wrong-current"]);
    }

    [GlobalCleanup]
    public void Cleanup() => _world?.Dispose();

    [Benchmark(Baseline = true)]
    public bool WrongPasswordCurrentHash() => _world!.Fail(_world.Requests["wrong-current"]);

    [Benchmark]
    public bool CombiningMarksPasswordAtTheCap() => _world!.Fail(_marksAtCap!);

    [Benchmark]
    public bool CombiningMarksPassword32K() => _world!.Fail(_marks32K!);

    [Benchmark]
    public bool CombiningMarksAddress() => _world!.Fail(_marksEmail!);

    [Benchmark]
    public bool StoredHashCost31() => _world!.Fail(_world.Requests["corrupt-cost-31"]);
}

/// <summary>The hostile inputs of issue #11, item 12.</summary>
internal static class HostileRequests
{
    public static (SignInRequest AtCap, SignInRequest Over, SignInRequest Email) Create()
    {
        static string Marks(int length) => ("a" + string.Concat(Enumerable.Repeat("\u0316\u0300", (length / 2) + 1)))[..length];
        return (
            new SignInRequest("wrong-current@example.com", Marks(CredentialNormalizer.MaximumPasswordInputLength)),
            new SignInRequest("wrong-current@example.com", Marks(32 * 1024)),
            new SignInRequest(Marks(CredentialNormalizer.MaximumEmailInputLength - 12) + "@example.com", StoredHashScenarios.WrongPassword));
    }
}
