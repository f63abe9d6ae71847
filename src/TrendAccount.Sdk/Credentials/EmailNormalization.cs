namespace TrendAccount.Sdk;

/// <summary>
/// The outcome of <see cref="CredentialNormalizer.NormalizeEmail(string?)"/>. Immutable and thread-safe.
/// </summary>
public sealed class EmailNormalization
{
    private EmailNormalization(string? email, string? lookupKey, EmailProblem problem, InputHints hints)
    {
        Email = email;
        LookupKey = lookupKey;
        Problem = problem;
        Hints = hints;
    }

    /// <summary>Gets a value indicating whether the input is a usable email address.</summary>
    public bool IsValid => Problem == EmailProblem.None;

    /// <summary>
    /// Gets the canonical address: the local part as typed (after NFKC), the domain lower-cased in its
    /// ASCII (IDNA) form; <see langword="null"/> when <see cref="IsValid"/> is <see langword="false"/>.
    /// </summary>
    public string? Email { get; }

    /// <summary>Gets the case-folded key that stores index accounts by; <see langword="null"/> when invalid.</summary>
    public string? LookupKey { get; }

    /// <summary>Gets why the input was rejected, or <see cref="EmailProblem.None"/>.</summary>
    public EmailProblem Problem { get; }

    /// <summary>Gets what the SDK noticed about the input.</summary>
    public InputHints Hints { get; }

    /// <summary>Creates a valid result.</summary>
    /// <param name="email">The canonical address.</param>
    /// <param name="lookupKey">The lookup key.</param>
    /// <param name="hints">What was noticed.</param>
    /// <returns>The result.</returns>
    public static EmailNormalization Valid(string email, string lookupKey, InputHints hints = InputHints.None)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(lookupKey);
        return new EmailNormalization(email, lookupKey, EmailProblem.None, hints);
    }

    /// <summary>Creates an invalid result.</summary>
    /// <param name="problem">Why the input was rejected; not <see cref="EmailProblem.None"/>.</param>
    /// <param name="hints">What was noticed.</param>
    /// <returns>The result.</returns>
    public static EmailNormalization Invalid(EmailProblem problem, InputHints hints = InputHints.None)
    {
        if (problem == EmailProblem.None)
        {
            throw new ArgumentOutOfRangeException(nameof(problem), problem, "An invalid result needs a problem.");
        }

        return new EmailNormalization(null, null, problem, hints);
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"Valid ({Hints})" : $"{Problem} ({Hints})";
}
