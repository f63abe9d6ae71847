namespace TrendAccount.Sdk;

/// <summary>
/// A password as the SDK hashes and checks it: the NFKC form of what was typed, never trimmed.
/// Immutable and thread-safe. <see cref="ToString"/> never reveals the value.
/// </summary>
public sealed class PasswordInput
{
    /// <summary>Initializes a new instance of the <see cref="PasswordInput"/> class.</summary>
    /// <param name="value">The normalized password.</param>
    /// <param name="hints">What was noticed about the input (from the input alone).</param>
    public PasswordInput(string value, InputHints hints)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Hints = hints;
    }

    /// <summary>Gets the NFKC form of the password (the input itself when it cannot be normalized, such as a lone surrogate).</summary>
    public string Value { get; }

    /// <summary>Gets what the SDK noticed about the input, such as <see cref="InputHints.SurroundingWhitespace"/>.</summary>
    public InputHints Hints { get; }

    /// <summary>Gets a value indicating whether the input was empty.</summary>
    public bool IsEmpty => Value.Length == 0;

    /// <inheritdoc />
    public override string ToString() => "PasswordInput(***)";
}
