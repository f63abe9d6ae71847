namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/troubleshoot</c>: the steps to take, in order, and a support case when only Technical Support can help.</summary>
public sealed class TroubleshootResponse
{
    /// <summary>Gets the steps, most useful first.</summary>
    public required IReadOnlyList<TroubleshootStepResponse> Steps { get; init; }

    /// <summary>Gets what was noticed about the email address and serial as typed (<see cref="InputHints"/> flag names).</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>Gets the purchase channel the serial shows (<c>PurchaseChannel</c> name).</summary>
    public required string Channel { get; init; }

    /// <summary>Gets what a Technical Support case needs, when only Technical Support can help.</summary>
    public SupportCaseResponse? SupportCase { get; init; }
}
