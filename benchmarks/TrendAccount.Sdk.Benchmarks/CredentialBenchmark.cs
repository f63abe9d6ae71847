using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// The pure credential checks every sign-in and registration runs. Goals: NormalizeEmail (canonical ASCII) ≤ 250 ns,
/// Classify ≤ 150 ns, Validate ≤ 300 ns with no allocation for an ASCII password. The baseline is a plain
/// <see cref="string.Trim()"/> of the spaced address: the least any normalization must do.
/// </summary>
[MemoryDiagnoser]
public class CredentialBenchmark
{
    private const string CanonicalEmail = "jane.doe@example.com";
    private const string SpacedEmail = "  jane.doe@example.com  ";
    private const string FullWidthEmail = "ｊａｎｅ．ｄｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ";
    private const string Serial = "pqrs 1234-5678-9012 3456";
    private const string ValidPassword = "Tr0ub4dor&3-horse";
    private const string BlocklistedPassword = "password";

    private readonly CredentialNormalizer _normalizer = CredentialNormalizer.Default;
    private readonly SerialClassifier _classifier = new();
    private readonly PasswordPolicy _policy = new();

    [Benchmark(Baseline = true)]
    public string TrimOnly() => SpacedEmail.Trim();

    [Benchmark]
    public EmailNormalization NormalizeEmailCanonicalAscii() => _normalizer.NormalizeEmail(CanonicalEmail);

    [Benchmark]
    public EmailNormalization NormalizeEmailSurroundingSpaces() => _normalizer.NormalizeEmail(SpacedEmail);

    [Benchmark]
    public EmailNormalization NormalizeEmailFullWidth() => _normalizer.NormalizeEmail(FullWidthEmail);

    [Benchmark]
    public SerialClassification ClassifySerial() => _classifier.Classify(Serial);

    [Benchmark]
    public PasswordValidation ValidateValidPassword() => _policy.Validate(ValidPassword, ValidPassword);

    [Benchmark]
    public PasswordValidation ValidateBlocklistedPassword() => _policy.Validate(BlocklistedPassword, BlocklistedPassword);
}
