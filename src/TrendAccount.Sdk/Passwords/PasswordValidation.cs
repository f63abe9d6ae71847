namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="PasswordPolicy.Validate"/>. Immutable and thread-safe.</summary>
public sealed class PasswordValidation
{
    private const PasswordProblem LastProblem = PasswordProblem.BreachCheckUnavailable;
    private const int ProblemCount = (int)LastProblem;

    private static readonly PasswordValidation ValidInstance = new([]);

    // One shared, read-only result per combination of the problems (bit n = problem n + 1), so the policy
    // answers without allocating.
    private static readonly PasswordValidation[] ByMask = CreateAll();

    private PasswordValidation(IReadOnlyList<PasswordProblem> problems) => Problems = problems;

    /// <summary>Gets the result for a password with no problem.</summary>
    public static PasswordValidation Valid => ValidInstance;

    /// <summary>Gets a value indicating whether the password may be used.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Gets every problem found, in the order of <see cref="PasswordProblem"/>, each once.</summary>
    public IReadOnlyList<PasswordProblem> Problems { get; }

    /// <summary>Creates a result from the problems found.</summary>
    /// <param name="problems">The problems; order and duplicates do not matter.</param>
    /// <returns>The result; results made only of the defined problems are shared, immutable instances.</returns>
    public static PasswordValidation FromProblems(IEnumerable<PasswordProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var items = problems.ToArray();
        var mask = 0;
        var known = true;
        foreach (var problem in items)
        {
            if (problem < PasswordProblem.TooShort || problem > LastProblem)
            {
                known = false;
                break;
            }

            mask |= 1 << ((int)problem - 1);
        }

        if (known)
        {
            return FromMask(mask);
        }

        var sorted = items.Distinct().Order().ToArray();
        return sorted.Length == 0 ? ValidInstance : new PasswordValidation(sorted);
    }

    /// <summary>Returns the shared result for a set of problems given as bits (bit n for the problem valued n + 1).</summary>
    /// <param name="mask">The problems found; bits above the last problem's are ignored.</param>
    /// <returns>The result; <see cref="Valid"/> when no bit is set.</returns>
    internal static PasswordValidation FromMask(int mask) => ByMask[mask & (ByMask.Length - 1)];

    /// <summary>Tells whether a given problem was found.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool Has(PasswordProblem problem) => Problems.Contains(problem);

    /// <inheritdoc />
    public override string ToString() => IsValid ? "Valid" : string.Join(", ", Problems);

    private static PasswordValidation[] CreateAll()
    {
        var all = new PasswordValidation[1 << ProblemCount];
        all[0] = ValidInstance;
        for (var mask = 1; mask < all.Length; mask++)
        {
            var problems = new List<PasswordProblem>(ProblemCount);
            for (var bit = 0; bit < ProblemCount; bit++)
            {
                if ((mask & (1 << bit)) != 0)
                {
                    problems.Add((PasswordProblem)(bit + 1));
                }
            }

            all[mask] = new PasswordValidation(problems.AsReadOnly());
        }

        return all;
    }
}
