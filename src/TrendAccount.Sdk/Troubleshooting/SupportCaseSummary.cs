namespace TrendAccount.Sdk;

/// <summary>What a Technical Support case needs, when no self-service path is left. Holds no secret; immutable.</summary>
public sealed class SupportCaseSummary
{
    internal SupportCaseSummary()
    {
    }

    /// <summary>Gets the canonical serial number, when one was given and is well formed.</summary>
    public string? Serial { get; internal init; }

    /// <summary>Gets the email address involved, masked (<c>j***n@e***e.com</c>): the registered one when the serial tells it, else the one typed.</summary>
    public string? MaskedEmail { get; internal init; }

    /// <summary>Gets why self-service cannot help, in the support article's words.</summary>
    public string Reason { get; internal init; } = string.Empty;

    /// <summary>Gets what the customer already tried or cannot do (for example <see cref="TroubleshootingStepCode.ResetPassword"/> without mailbox access).</summary>
    public IReadOnlyList<TroubleshootingStepCode> Tried { get; internal init; } = [];

    /// <summary>Gets a one-paragraph summary a host can paste into a support case.</summary>
    public string Text { get; internal init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Text;
}
