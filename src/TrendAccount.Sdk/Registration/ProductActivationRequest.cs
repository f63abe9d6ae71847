namespace TrendAccount.Sdk;

/// <summary>
/// What the product's activation backend reports when a program was installed and activated with a serial.
/// Immutable.
/// </summary>
public sealed class ProductActivationRequest
{
    /// <summary>The longest product code accepted.</summary>
    public const int MaximumProductCodeLength = 64;

    /// <summary>Initializes a new instance of the <see cref="ProductActivationRequest"/> class.</summary>
    /// <param name="serial">The serial number the program was activated with, as typed or as the program reports it.</param>
    /// <param name="productCode">The product code, such as <c>TIS-2017</c>; optional.</param>
    public ProductActivationRequest(string? serial, string? productCode = null)
    {
        Serial = serial;
        ProductCode = productCode;
    }

    /// <summary>Gets the serial number.</summary>
    public string? Serial { get; }

    /// <summary>Gets the product code, such as <c>TIS-2017</c>; at most <see cref="MaximumProductCodeLength"/> characters.</summary>
    public string? ProductCode { get; }
}
