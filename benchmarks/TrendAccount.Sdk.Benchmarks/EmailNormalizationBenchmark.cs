using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>Normalizing what a customer typed in the email field, from the canonical hot path to IME and IDN input.</summary>
[MemoryDiagnoser]
public class EmailNormalizationBenchmark
{
    private const string Canonical = "john.doe@example.com";
    private const string MixedCase = "John.Doe@Example.COM";
    private const string Padded = "  john.doe@example.com \r\n";
    private const string FullWidth = "ｊｏｈｎ．ｄｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ";
    private const string International = "jöhn@Bücher.example";

    private readonly CredentialNormalizer _normalizer = CredentialNormalizer.Default;

    /// <summary>The floor: lower-casing the address, which any case-insensitive lookup does anyway.</summary>
    [Benchmark(Baseline = true)]
    public string LowerCaseOnly() => MixedCase.ToLowerInvariant();

    [Benchmark]
    public EmailNormalization CanonicalAscii() => _normalizer.NormalizeEmail(Canonical);

    [Benchmark]
    public EmailNormalization MixedCaseAscii() => _normalizer.NormalizeEmail(MixedCase);

    [Benchmark]
    public EmailNormalization SurroundingWhitespace() => _normalizer.NormalizeEmail(Padded);

    [Benchmark]
    public EmailNormalization FullWidthFromIme() => _normalizer.NormalizeEmail(FullWidth);

    [Benchmark]
    public EmailNormalization InternationalDomain() => _normalizer.NormalizeEmail(International);

    [Benchmark]
    public PasswordInput AsciiPassword() => _normalizer.NormalizePassword("correct horse battery staple");
}
