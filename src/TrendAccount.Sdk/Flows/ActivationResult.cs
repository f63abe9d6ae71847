namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.ActivateProductAsync"/>. Immutable.</summary>
public sealed class ActivationResult
{
    /// <summary>Gets a value indicating whether the activation was recorded.</summary>
    public bool Succeeded => Status is ActivationStatus.Activated or ActivationStatus.ActivatedWithoutAccount;

    /// <summary>Gets what happened.</summary>
    public required ActivationStatus Status { get; init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public required string Message { get; init; }

    /// <summary>Gets what was noticed about the serial as typed.</summary>
    public InputHints Hints { get; init; }

    /// <summary>Gets the canonical serial, when well formed.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets the serial's purchase channel.</summary>
    public PurchaseChannel Channel { get; init; }

    /// <summary>Gets whom a reseller customer contacts instead of the vendor.</summary>
    public string? ResellerContact { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Activation {Status}";
}
