using System.Globalization;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>A product serial known to the vendor: its activation and the account it is linked to. Immutable.</summary>
/// <remarks>
/// <see cref="object.ToString"/> masks the serial (<c>PQRS-****-****-****-3456</c>): a full serial recovers the
/// address registered with it, so it is not for logs.
/// </remarks>
public sealed record SerialRecord
{
    /// <summary>Gets the canonical serial (<see cref="SerialClassification.Serial"/>); unique.</summary>
    public required string Serial { get; init; }

    /// <summary>Gets the purchase channel of the serial.</summary>
    public required PurchaseChannel Channel { get; init; }

    /// <summary>Gets the product code the activation reported, such as <c>TIS-2017</c>.</summary>
    public string? ProductCode { get; init; }

    /// <summary>Gets when the program was installed and activated with this serial; <see langword="null"/> if never.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Gets the account the serial is registered to, if any.</summary>
    public Guid? AccountId { get; init; }

    /// <summary>Gets when the serial was linked to <see cref="AccountId"/>.</summary>
    public DateTimeOffset? LinkedAt { get; init; }

    /// <summary>Gets a value indicating whether the serial has been activated.</summary>
    public bool IsActivated => ActivatedAt is not null;

    // The compiler-generated ToString would print the whole serial.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Serial = {Mask(Serial)}, Channel = {Channel}, ProductCode = {ProductCode}, ");
        builder.Append(CultureInfo.InvariantCulture, $"ActivatedAt = {ActivatedAt}, AccountId = {AccountId}, LinkedAt = {LinkedAt}, IsActivated = {IsActivated}");
        return true;
    }

    // PQRS-****-****-****-3456: enough to tell serials apart in a log, not enough to recover an address with.
    private static string Mask(string? serial) =>
        serial is { Length: SerialClassifier.CanonicalLength } ? string.Concat(serial.AsSpan(0, 4), "-****-****-****-", serial.AsSpan(20, 4)) : "***";
}
