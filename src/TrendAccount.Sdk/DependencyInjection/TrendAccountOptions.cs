namespace TrendAccount.Sdk;

/// <summary>
/// Every setting of the SDK, in groups. Bind it from configuration (the <c>TrendAccount</c> section by
/// convention) or set it in code; it is validated when the host starts.
/// </summary>
public sealed class TrendAccountOptions
{
    /// <summary>The configuration section name used by convention.</summary>
    public const string SectionName = OptionsSection.Name;

    /// <summary>Gets the password rules.</summary>
    public PasswordOptions Password { get; } = new();

    /// <summary>Gets the password hashing settings.</summary>
    public HashingOptions Hashing { get; } = new();

    /// <summary>Gets the lockout settings.</summary>
    public LockoutOptions Lockout { get; } = new();

    /// <summary>Gets the device-token, per-client limit and verification-admission settings of sign-in.</summary>
    public SignInOptions SignIn { get; } = new();

    /// <summary>Gets the token lifetimes.</summary>
    public TokenOptions Tokens { get; } = new();

    /// <summary>Gets the serial number rules.</summary>
    public SerialOptions Serials { get; } = new();

    /// <summary>Gets the recovery settings (reset links, email disclosure).</summary>
    public RecoveryOptions Recovery { get; } = new();

    /// <summary>Gets the rate limits.</summary>
    public RateLimitOptions RateLimits { get; } = new();

    /// <summary>Collects every validation failure, each naming its setting.</summary>
    /// <returns>The failures; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        Password.Validate(failures);
        Hashing.Validate(failures);
        Lockout.Validate(failures);
        SignIn.Validate(Hashing, failures);
        Tokens.Validate(failures);
        Serials.Validate(failures);
        Recovery.Validate(failures);
        RateLimits.Validate(failures);
        return failures;
    }
}
