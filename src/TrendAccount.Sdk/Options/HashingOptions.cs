namespace TrendAccount.Sdk;

/// <summary>Password hashing settings (<see cref="TrendAccountOptions.Hashing"/>).</summary>
public sealed class HashingOptions
{
    /// <summary>The default bcrypt work factor: 11.</summary>
    public const int DefaultWorkFactor = 11;

    /// <summary>The lowest work factor accepted outside tests: 10.</summary>
    public const int MinimumWorkFactor = 10;

    /// <summary>Gets or sets the bcrypt work factor (log2 of the rounds) for new hashes.</summary>
    /// <value>Defaults to <see cref="DefaultWorkFactor"/> (11). Values below <see cref="MinimumWorkFactor"/> are refused unless <see cref="AllowInsecureWorkFactorForTesting"/> is set.</value>
    public int WorkFactor { get; set; } = DefaultWorkFactor;

    /// <summary>Gets or sets a value indicating whether a work factor below 10 (down to bcrypt's 4) is allowed. For test suites only.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowInsecureWorkFactorForTesting { get; set; }

    /// <summary>Gets or sets the id of the pepper that new hashes use; <see langword="null"/> for the SDK's built-in key.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? CurrentPepperId { get; set; }

    /// <summary>Gets the peppers: secret HMAC keys by id. Keep old ids so existing hashes still verify (and get rehashed).</summary>
    /// <value>Defaults to empty. Each key is base64 of at least 32 bytes; ids are 1–16 letters, digits, '-' or '_'.</value>
    public IDictionary<string, string> Peppers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal void Validate(ICollection<string> failures)
    {
        if (WorkFactor is < 4 or > 31)
        {
            failures.Add($"TrendAccount:Hashing:WorkFactor ({WorkFactor}) must be between {MinimumWorkFactor} and 31.");
        }
        else if (WorkFactor < MinimumWorkFactor && !AllowInsecureWorkFactorForTesting)
        {
            failures.Add($"TrendAccount:Hashing:WorkFactor ({WorkFactor}) is below {MinimumWorkFactor}; set TrendAccount:Hashing:AllowInsecureWorkFactorForTesting only in tests.");
        }
    }
}
