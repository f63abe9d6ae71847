namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.ActivateProductAsync"/>. Immutable.</summary>
public sealed class ProductActivationResult
{
    internal ProductActivationResult()
    {
    }

    /// <summary>Gets a value indicating whether the activation was recorded.</summary>
    public bool Succeeded => Status is ProductActivationStatus.Succeeded or ProductActivationStatus.SucceededWithoutAccount;

    /// <summary>Gets what happened.</summary>
    public ProductActivationStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets what was noticed about the serial as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets the canonical serial, when well formed.</summary>
    public string? Serial { get; internal init; }

    /// <summary>Gets the serial's purchase channel.</summary>
    public PurchaseChannel Channel { get; internal init; }

    /// <summary>Gets whom a reseller customer contacts instead of the vendor.</summary>
    public string? ResellerContact { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"Activation {Status}";
}
