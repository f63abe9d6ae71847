namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.RecoverEmailAsync"/>. Immutable.</summary>
public sealed class EmailRecoveryResult
{
    /// <summary>Gets a value indicating whether the serial is registered and a reminder was queued.</summary>
    public bool Succeeded => Status == EmailRecoveryStatus.Succeeded;

    /// <summary>Gets what happened.</summary>
    public required EmailRecoveryStatus Status { get; init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public required string Message { get; init; }

    /// <summary>Gets what was noticed about the serial as typed.</summary>
    public InputHints Hints { get; init; }

    /// <summary>
    /// Gets the registered address masked (<c>j***n@e*****e.com</c>) when <see cref="Succeeded"/> and
    /// <see cref="RecoveryOptions.DiscloseMaskedEmail"/> is on; otherwise <see langword="null"/>.
    /// </summary>
    public string? MaskedEmail { get; init; }

    /// <summary>Gets whom a reseller customer contacts instead (<see cref="EmailRecoveryStatus.ResellerSerial"/>).</summary>
    public string? ResellerContact { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"EmailRecovery {Status}";
}
