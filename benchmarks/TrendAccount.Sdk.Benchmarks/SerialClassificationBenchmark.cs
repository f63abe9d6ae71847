using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>Classifying a typed serial number: canonical, typed loosely, typed with an IME.</summary>
[MemoryDiagnoser]
public class SerialClassificationBenchmark
{
    private const string Canonical = "PQRS-1234-5678-9012-3456";
    private const string Loose = " pqrs 1234 5678 9012 3456 ";
    private const string FullWidth = "ＰＱＲＳ－１２３４－５６７８－９０１２－３４５６";
    private const string Reseller = "TQRS-1234-5678-9012-3456";

    private readonly SerialClassifier _classifier = new();

    /// <summary>The floor: upper-casing the input, the least any case-insensitive serial lookup does.</summary>
    [Benchmark(Baseline = true)]
    public string UpperCaseOnly() => Loose.ToUpperInvariant();

    [Benchmark]
    public SerialClassification CanonicalSerial() => _classifier.Classify(Canonical);

    [Benchmark]
    public SerialClassification ResellerSerial() => _classifier.Classify(Reseller);

    [Benchmark]
    public SerialClassification LooselyTyped() => _classifier.Classify(Loose);

    [Benchmark]
    public SerialClassification FullWidthFromIme() => _classifier.Classify(FullWidth);
}
