namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.RecoverEmailAsync"/>. Immutable.</summary>
public sealed class EmailRecoveryResult
{
    internal EmailRecoveryResult()
    {
    }

    /// <summary>Gets a value indicating whether the serial is registered and a reminder was queued.</summary>
    public bool Succeeded => Status == EmailRecoveryStatus.Succeeded;

    /// <summary>Gets what happened.</summary>
    public EmailRecoveryStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets what was noticed about the serial as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>
    /// Gets the registered address masked (<c>j***n@e***e.com</c>) when <see cref="Succeeded"/> and
    /// <see cref="RecoveryOptions.DiscloseMaskedEmail"/> is on; otherwise <see langword="null"/>.
    /// </summary>
    public string? MaskedEmail { get; internal init; }

    /// <summary>Gets whom a reseller customer contacts instead (<see cref="EmailRecoveryStatus.ResellerSerial"/>).</summary>
    public string? ResellerContact { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"EmailRecovery {Status}";
}
