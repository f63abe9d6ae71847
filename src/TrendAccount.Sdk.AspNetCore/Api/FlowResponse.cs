namespace TrendAccount.Sdk.AspNetCore;

/// <summary>What every flow endpoint answers: the SDK result's outcome, its customer-facing text and the input hints.</summary>
/// <remarks>
/// An endpoint answers 200 whenever the flow ran, succeeded or not: read <see cref="Succeeded"/> and <see cref="Status"/>.
/// Statuses are the SDK's stable enum names; texts come from <see cref="TrendAccountMessages"/>.
/// </remarks>
public abstract class FlowResponse
{
    /// <summary>Gets a value indicating whether the flow succeeded.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Gets the SDK's status, by its stable name (such as <c>Failed</c> or <c>InvalidPassword</c>).</summary>
    public required string Status { get; init; }

    /// <summary>Gets the text to show the customer.</summary>
    public required string Message { get; init; }

    /// <summary>Gets what was noticed about the input as typed (<see cref="InputHints"/> flag names), empty when nothing.</summary>
    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>Gets the "check for extra spaces" advice for <see cref="Hints"/>, or <see langword="null"/> when there is none.</summary>
    public string? Advice { get; init; }
}
