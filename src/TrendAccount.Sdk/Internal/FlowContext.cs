using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// What every flow reads and none owns: the validated options, the customer-facing texts, the metrics and the clock.
/// Values without behaviour of their own, grouped so that a handler's constructor lists only its real collaborators.
/// One per container; thread-safe.
/// </summary>
internal sealed class FlowContext
{
    public FlowContext(IOptions<TrendAccountOptions> options, TrendAccountMessages messages, TrendAccountMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        Options = options.Value;
        Messages = messages;
        Metrics = metrics;
        Time = time;
    }

    public TrendAccountOptions Options { get; }

    public TrendAccountMessages Messages { get; }

    public TrendAccountMetrics Metrics { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The customer-facing text for a list of password problems, each sentence once.</summary>
    public string DescribePasswordProblems(IReadOnlyList<PasswordProblem> problems) =>
        string.Join(" ", problems.Select(p => Messages.DescribePasswordProblem(p, Options.Password)).Distinct(StringComparer.Ordinal));
}
