namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="PasswordPolicy.Validate"/>. Immutable and thread-safe.</summary>
public sealed class PasswordValidation
{
    private static readonly PasswordValidation ValidInstance = new([]);

    private PasswordValidation(IReadOnlyList<PasswordProblem> problems) => Problems = problems;

    /// <summary>Gets the result for a password with no problem.</summary>
    public static PasswordValidation Valid => ValidInstance;

    /// <summary>Gets a value indicating whether the password may be used.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Gets every problem found, in the order of <see cref="PasswordProblem"/>, each once.</summary>
    public IReadOnlyList<PasswordProblem> Problems { get; }

    /// <summary>Creates a result from the problems found.</summary>
    /// <param name="problems">The problems; order and duplicates do not matter.</param>
    /// <returns>The result.</returns>
    public static PasswordValidation FromProblems(IEnumerable<PasswordProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var sorted = problems.Distinct().Order().ToArray();
        return sorted.Length == 0 ? ValidInstance : new PasswordValidation(sorted);
    }

    /// <summary>Tells whether a given problem was found.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool Has(PasswordProblem problem) => Problems.Contains(problem);

    /// <inheritdoc />
    public override string ToString() => IsValid ? "Valid" : string.Join(", ", Problems);
}
