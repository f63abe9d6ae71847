namespace TrendAccount.Sdk;

/// <summary>
/// What every flow reads and none owns: the validated option groups shared by the flows (password, lockout, tokens), the customer-facing texts, the metrics and the clock.
/// Values without behaviour of their own, grouped so that a handler's constructor lists only its real collaborators.
/// One per container; thread-safe.
/// </summary>
internal sealed class FlowContext
{
    public FlowContext(PasswordOptions password, LockoutOptions lockout, TokenOptions tokens, TrendAccountMessages messages, TrendAccountMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(lockout);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        Password = password;
        Lockout = lockout;
        Tokens = tokens;
        Messages = messages;
        Metrics = metrics;
        Time = time;
    }

    public PasswordOptions Password { get; }

    public LockoutOptions Lockout { get; }

    public TokenOptions Tokens { get; }

    public TrendAccountMessages Messages { get; }

    public TrendAccountMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The customer-facing text for a list of password problems, each sentence once.</summary>
    public string DescribePasswordProblems(IReadOnlyList<PasswordProblem> problems) =>
        string.Join(" ", problems.Select(p => Messages.DescribePasswordProblem(p, Password)).Distinct(StringComparer.Ordinal));
}
