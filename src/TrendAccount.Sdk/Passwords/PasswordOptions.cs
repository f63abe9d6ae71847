namespace TrendAccount.Sdk;

/// <summary>Password rules (<see cref="TrendAccountOptions.Password"/>).</summary>
public sealed class PasswordOptions
{
    /// <summary>The default minimum length: 8, as the support article says.</summary>
    public const int DefaultMinimumLength = 8;

    /// <summary>The default maximum length: 50, as the support article says.</summary>
    public const int DefaultMaximumLength = 50;

    /// <summary>
    /// The largest maximum length the SDK accepts: 256 characters, so that every password the policy can accept fits
    /// within the one input cap, <see cref="CredentialNormalizer.MaximumPasswordInputLength"/> (1,024 UTF-16 code
    /// units), even when every character takes two code units.
    /// </summary>
    public const int MaximumAllowedLength = 256;

    /// <summary>Gets or sets the minimum length in Unicode scalar values after NFKC.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumLength"/> (8).</value>
    public int MinimumLength { get; set; } = DefaultMinimumLength;

    /// <summary>Gets or sets the maximum length in Unicode scalar values after NFKC.</summary>
    /// <value>Defaults to <see cref="DefaultMaximumLength"/> (50).</value>
    public int MaximumLength { get; set; } = DefaultMaximumLength;

    /// <summary>Gets or sets a value indicating whether common passwords are refused.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool UseBlocklist { get; set; } = true;

    internal void Validate(ICollection<string> failures)
    {
        if (MinimumLength < 1 || MinimumLength > MaximumLength || MaximumLength > MaximumAllowedLength)
        {
            failures.Add($"TrendAccount:Password: MinimumLength ({MinimumLength}) and MaximumLength ({MaximumLength}) must satisfy 1 <= MinimumLength <= MaximumLength <= {MaximumAllowedLength}.");
        }
    }
}
