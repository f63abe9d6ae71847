using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// A failed sign-in on each stored-hash format the SDK accepts, and an unknown address, at work factor 11 (issue #11,
/// item 6). Baseline: a wrong password on a current hash. Goal (docs/benchmarks.md): every ratio in [0.95, 1.05].
/// The paired harness (<c>--paired stored-formats</c>) gives the same comparison interleaved, with intervals.
/// </summary>
[MemoryDiagnoser]
public class StoredHashFormatBenchmark
{
    private StoredHashScenarios? _world;

    [GlobalSetup]
    public void Setup()
    {
        _world = StoredHashScenarios.Create(HashingOptions.DefaultWorkFactor);
        foreach (var request in _world.Requests.Values)
        {
            _world.Fail(request);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _world?.Dispose();

    [Benchmark(Baseline = true)]
    public bool WrongPasswordCurrentHash() => _world!.Fail(_world.Requests["wrong-current"]);

    [Benchmark]
    public bool UnknownAddress() => _world!.Fail(_world.Requests["unknown"]);

    [Benchmark]
    public bool WrongPasswordOlderCost() => _world!.Fail(_world.Requests["wrong-older-cost"]);

    [Benchmark]
    public bool WrongPasswordPlainBcrypt2a() => _world!.Fail(_world.Requests["wrong-2a"]);

    [Benchmark]
    public bool NonNfkcPasswordPlainBcrypt2a() => _world!.Fail(_world.Requests["wrong-2a-non-nfkc"]);

    [Benchmark]
    public bool WrongPasswordIdentityV2() => _world!.Fail(_world.Requests["wrong-identity-v2"]);

    [Benchmark]
    public bool WrongPasswordIdentityV3() => _world!.Fail(_world.Requests["wrong-identity-v3"]);
}
