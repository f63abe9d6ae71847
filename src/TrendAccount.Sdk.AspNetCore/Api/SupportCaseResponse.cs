namespace TrendAccount.Sdk.AspNetCore;

/// <summary>What a Technical Support case needs (<see cref="TroubleshootResponse.SupportCase"/>). Holds no secret.</summary>
public sealed class SupportCaseResponse
{
    /// <summary>Gets the canonical serial number, when one was given and is well formed.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets the email address involved, masked.</summary>
    public string? MaskedEmail { get; init; }

    /// <summary>Gets why self-service cannot help.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets what the customer already tried or cannot do (<c>TroubleshootingStepCode</c> names).</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>Gets a one-paragraph summary to paste into a support case.</summary>
    public required string Text { get; init; }
}
