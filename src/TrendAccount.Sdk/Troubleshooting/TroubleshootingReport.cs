namespace TrendAccount.Sdk;

/// <summary>The troubleshooter's answer: the steps to take, in order, and a support case when only Technical Support can help. Immutable.</summary>
public sealed class TroubleshootingReport
{
    internal TroubleshootingReport()
    {
    }

    /// <summary>Gets the steps to take, most useful first.</summary>
    public IReadOnlyList<TroubleshootingStep> Steps { get; internal init; } = [];

    /// <summary>Gets what was noticed about the email address and serial as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets the purchase channel the serial shows, when one was given.</summary>
    public PurchaseChannel Channel { get; internal init; }

    /// <summary>Gets a value indicating whether only Technical Support can help.</summary>
    public bool NeedsTechnicalSupport => SupportCase is not null;

    /// <summary>Gets what a support case needs, when <see cref="NeedsTechnicalSupport"/>.</summary>
    public SupportCaseSummary? SupportCase { get; internal init; }

    /// <summary>Tells whether a step is recommended.</summary>
    /// <param name="code">The step.</param>
    /// <returns><see langword="true"/> when <see cref="Steps"/> has it.</returns>
    public bool Recommends(TroubleshootingStepCode code) => Steps.Any(s => s.Code == code);

    /// <inheritdoc />
    public override string ToString() => string.Join(" > ", Steps.Select(s => s.Code));
}
