namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/activate</c>.</summary>
public sealed class ActivateResponse : FlowResponse
{
    /// <summary>Gets the canonical serial, when well formed.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets the serial's purchase channel (<c>PurchaseChannel</c> name).</summary>
    public required string Channel { get; init; }

    /// <summary>Gets whom a reseller customer contacts instead of the vendor.</summary>
    public string? ResellerContact { get; init; }
}
