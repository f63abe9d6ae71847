using BenchmarkDotNet.Attributes;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>Validating a new password and its confirmation with the default policy and the built-in blocklist.</summary>
[MemoryDiagnoser]
public class PasswordPolicyBenchmark
{
    private const string Ascii = "mq4Vz-Lp9#Rt";
    private const string Passphrase = "correct horse battery staple";
    private const string Unicode = "Crème brûlée à la carte 😀";

    private readonly PasswordPolicy _policy = new();
    private readonly PasswordContext _context = new("john.doe@example.com", "PQRS-1234-5678-9012-3456");
    private string _asciiConfirmation = string.Empty;
    private string _passphraseConfirmation = string.Empty;
    private string _unicodeConfirmation = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _asciiConfirmation = new string(Ascii.AsSpan());
        _passphraseConfirmation = new string(Passphrase.AsSpan());
        _unicodeConfirmation = new string(Unicode.AsSpan());
    }

    /// <summary>The floor: one case-insensitive blocklist look-up of a password that is not on the list.</summary>
    [Benchmark(Baseline = true)]
    public bool BlocklistLookupOnly() => CommonPasswordBlocklist.Default.Contains(Ascii);

    [Benchmark]
    public PasswordValidation ValidAscii() => _policy.Validate(Ascii, _asciiConfirmation);

    [Benchmark]
    public PasswordValidation ValidPassphrase() => _policy.Validate(Passphrase, _passphraseConfirmation);

    [Benchmark]
    public PasswordValidation ValidAsciiWithContext() => _policy.Validate(Ascii, _asciiConfirmation, _context);

    [Benchmark]
    public PasswordValidation ValidUnicode() => _policy.Validate(Unicode, _unicodeConfirmation);

    [Benchmark]
    public PasswordValidation Blocklisted() => _policy.Validate("Password1", "Password1");
}
