namespace TrendAccount.Sdk;

/// <summary>
/// The answer of an <see cref="IBreachedPasswordScreen"/>: one of three shared instances. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The answer says whether a password was seen, never how often: a count would tempt a host to show it, and the
/// customer only needs to know that the password must change.
/// </remarks>
public sealed class BreachScreeningResult
{
    private BreachScreeningResult(BreachScreeningStatus status) => Status = status;

    /// <summary>Gets the answer for a password not known from a breach, or one the screen could not check and lets pass (fail open).</summary>
    public static BreachScreeningResult NotBreached { get; } = new(BreachScreeningStatus.NotBreached);

    /// <summary>Gets the answer for a password known from a breach.</summary>
    public static BreachScreeningResult Breached { get; } = new(BreachScreeningStatus.Breached);

    /// <summary>Gets the answer for a password the screen could not check and must not let pass (fail closed).</summary>
    public static BreachScreeningResult Unavailable { get; } = new(BreachScreeningStatus.Unavailable);

    /// <summary>Gets the verdict.</summary>
    public BreachScreeningStatus Status { get; }

    /// <summary>Gets a value indicating whether the password may be used.</summary>
    public bool Allows => Status == BreachScreeningStatus.NotBreached;

    /// <inheritdoc />
    public override string ToString() => Status.ToString();
}
