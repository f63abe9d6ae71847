namespace TrendAccount.Sdk;

/// <summary>One recommended step: a stable code, a title and the instructions to show. Immutable.</summary>
public sealed class TroubleshootingStep
{
    /// <summary>Initializes a new instance of the <see cref="TroubleshootingStep"/> class.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="title">The title.</param>
    /// <param name="instructions">The instructions.</param>
    internal TroubleshootingStep(TroubleshootingStepCode code, string title, string instructions)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(instructions);
        Code = code;
        Title = title;
        Instructions = instructions;
    }

    /// <summary>Gets the stable code.</summary>
    public TroubleshootingStepCode Code { get; }

    /// <summary>Gets the title, such as "Forgot which address you used before?".</summary>
    public string Title { get; }

    /// <summary>Gets the instructions, in the support article's words by default (<see cref="TrendAccountMessages"/>).</summary>
    public string Instructions { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Title}";
}
