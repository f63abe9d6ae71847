namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/activate</c>: what the activation backend reports.</summary>
public sealed class ActivateBody
{
    /// <summary>Gets the serial number the program was activated with.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets the product code, such as <c>TIS-2017</c>; optional.</summary>
    public string? ProductCode { get; init; }
}
