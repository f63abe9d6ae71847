namespace TrendAccount.Sdk;

/// <summary>Password hashing settings (<see cref="TrendAccountOptions.Hashing"/>).</summary>
/// <remarks>
/// A pepper is a secret HMAC key kept outside the database (configuration, a key vault), so a stolen table of
/// hashes cannot be attacked without it. To rotate: add the new pepper under a new id, point
/// <see cref="CurrentPepperId"/> at it, and keep the old one until no hash names it; hashes under the old id keep
/// verifying and ask for a rehash. See docs/hashing.md.
/// </remarks>
public sealed class HashingOptions
{
    /// <summary>The default bcrypt work factor: 11.</summary>
    public const int DefaultWorkFactor = 11;

    /// <summary>The lowest work factor accepted outside tests: 10.</summary>
    public const int MinimumWorkFactor = 10;

    /// <summary>The fewest bytes a pepper key may have: 32.</summary>
    public const int MinimumPepperBytes = 32;

    /// <summary>The longest pepper id: 16 characters.</summary>
    public const int MaximumPepperIdLength = 16;

    /// <summary>The default ceiling on the cost of a stored hash: 12 (one above <see cref="DefaultWorkFactor"/>).</summary>
    public const int DefaultMaximumStoredWorkFactor = 12;

    /// <summary>The default bcrypt implementation: <see cref="BcryptEngine.Managed"/>.</summary>
    public const BcryptEngine DefaultEngine = BcryptEngine.Managed;

    /// <summary>Gets or sets the bcrypt work factor (log2 of the rounds) for new hashes.</summary>
    /// <value>Defaults to <see cref="DefaultWorkFactor"/> (11). Values below <see cref="MinimumWorkFactor"/> are refused unless <see cref="AllowInsecureWorkFactorForTesting"/> is set.</value>
    public int WorkFactor { get; set; } = DefaultWorkFactor;

    /// <summary>Gets or sets the bcrypt implementation. Both compute identical hashes; switching needs no migration.</summary>
    /// <value>Defaults to <see cref="DefaultEngine"/> (<see cref="BcryptEngine.Managed"/>, the SDK's own engine); <see cref="BcryptEngine.BCryptNet"/> runs BCrypt.Net-Next.</value>
    public BcryptEngine Engine { get; set; } = DefaultEngine;

    /// <summary>
    /// Gets or sets the highest cost of a stored hash that verification runs. A stored hash above it (a corrupt or
    /// planted row: cost 31 never returns) is not run: it verifies as failed, is logged as corrupt, and costs what a
    /// normal failure costs. Identity V3 hashes are held to the same ceiling, converted to PBKDF2 iterations.
    /// </summary>
    /// <value>
    /// Defaults to <see cref="DefaultMaximumStoredWorkFactor"/> (12); the ceiling in force is never below
    /// <see cref="WorkFactor"/>. Raise it only while hashes from a higher work factor are still being verified (after
    /// lowering <see cref="WorkFactor"/>): until they are rehashed, their failures cost more than other failures.
    /// </value>
    public int MaximumStoredWorkFactor { get; set; } = DefaultMaximumStoredWorkFactor;

    /// <summary>Gets or sets a value indicating whether a work factor below 10 (down to bcrypt's 4) is allowed. For test suites only.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool AllowInsecureWorkFactorForTesting { get; set; }

    /// <summary>Gets or sets the id of the pepper that new hashes use; <see langword="null"/> for the SDK's built-in key.</summary>
    /// <value>Defaults to <see langword="null"/>. When set, it must name an entry of <see cref="Peppers"/>.</value>
    public string? CurrentPepperId { get; set; }

    /// <summary>Gets the peppers: secret HMAC keys by id. Keep old ids so existing hashes still verify (and get rehashed).</summary>
    /// <value>
    /// Defaults to empty. Each key is base64 of at least <see cref="MinimumPepperBytes"/> (32) bytes; ids are 1–16 letters,
    /// digits, '-' or '_', except the single character "-", which stored hashes use for the built-in key.
    /// </value>
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

        if (MaximumStoredWorkFactor is < 4 or > 31)
        {
            failures.Add($"TrendAccount:Hashing:MaximumStoredWorkFactor ({MaximumStoredWorkFactor}) must be between 4 and 31.");
        }

        if (!Enum.IsDefined(Engine))
        {
            failures.Add($"TrendAccount:Hashing:Engine ({Engine}) must be {nameof(BcryptEngine.Managed)} or {nameof(BcryptEngine.BCryptNet)}.");
        }

        foreach (var (id, key) in Peppers)
        {
            // Messages name the id, never the key: a pepper is a secret.
            if (!IsValidPepperId(id))
            {
                failures.Add($"TrendAccount:Hashing:Peppers: the id \"{id}\" must be 1-{MaximumPepperIdLength} letters, digits, '-' or '_' (and not \"-\" alone).");
            }

            if (!IsValidPepperKey(key))
            {
                failures.Add($"TrendAccount:Hashing:Peppers:{id} must be base64 of at least {MinimumPepperBytes} bytes.");
            }
        }

        if (CurrentPepperId is not null && !Peppers.ContainsKey(CurrentPepperId))
        {
            failures.Add($"TrendAccount:Hashing:CurrentPepperId (\"{CurrentPepperId}\") must name a pepper configured under TrendAccount:Hashing:Peppers.");
        }
    }

    private static bool IsValidPepperId(string? id)
    {
        if (id is null || id.Length is 0 or > MaximumPepperIdLength || id == "-")
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidPepperKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var buffer = new byte[key.Length];
        var valid = Convert.TryFromBase64String(key, buffer, out var written) && written >= MinimumPepperBytes;
        Array.Clear(buffer);
        return valid;
    }
}
