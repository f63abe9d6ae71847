namespace TrendAccount.Sdk.AspNetCore;

/// <summary>One recommended step of <see cref="TroubleshootResponse"/>.</summary>
public sealed class TroubleshootStepResponse
{
    /// <summary>Gets the step's stable code (<c>TroubleshootingStepCode</c> name).</summary>
    public required string Code { get; init; }

    /// <summary>Gets the title, such as "Forgot which address you used before?".</summary>
    public required string Title { get; init; }

    /// <summary>Gets the instructions, in the support article's words by default.</summary>
    public required string Instructions { get; init; }
}
