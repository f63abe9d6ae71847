namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="SerialClassifier.Classify(string?)"/>. Immutable and thread-safe.</summary>
public sealed class SerialClassification
{
    /// <summary>Initializes a new instance of the <see cref="SerialClassification"/> class.</summary>
    /// <param name="serial">The canonical serial, or <see langword="null"/> when not well formed.</param>
    /// <param name="problem">Why the input is not well formed, or <see cref="SerialProblem.None"/>.</param>
    /// <param name="channel">The purchase channel.</param>
    /// <param name="supportsAccount">Whether a vendor account can exist for the serial.</param>
    /// <param name="resellerContact">Who the customer should contact instead, for reseller serials.</param>
    /// <param name="hints">What was noticed about the input.</param>
    public SerialClassification(string? serial, SerialProblem problem, PurchaseChannel channel, bool supportsAccount, string? resellerContact, InputHints hints)
    {
        if ((serial is null) != (problem != SerialProblem.None))
        {
            throw new ArgumentException("A serial is given exactly when there is no problem.", nameof(serial));
        }

        Serial = serial;
        Problem = problem;
        Channel = channel;
        SupportsAccount = supportsAccount;
        ResellerContact = resellerContact;
        Hints = hints;
    }

    /// <summary>Gets a value indicating whether the input is a serial of the right shape (20 letters and digits).</summary>
    public bool IsWellFormed => Problem == SerialProblem.None;

    /// <summary>Gets the canonical serial, <c>XXXX-XXXX-XXXX-XXXX-XXXX</c> in upper case; <see langword="null"/> when not well formed.</summary>
    public string? Serial { get; }

    /// <summary>Gets why the input is not well formed.</summary>
    public SerialProblem Problem { get; }

    /// <summary>Gets where the serial was bought.</summary>
    public PurchaseChannel Channel { get; }

    /// <summary>Gets a value indicating whether a vendor account can exist for this serial.</summary>
    public bool SupportsAccount { get; }

    /// <summary>Gets who a reseller customer should contact, such as "Best Buy or your Internet Service Provider (ISP)".</summary>
    public string? ResellerContact { get; }

    /// <summary>Gets what was noticed about the input.</summary>
    public InputHints Hints { get; }

    /// <inheritdoc />
    public override string ToString() => IsWellFormed ? $"{Serial} ({Channel})" : $"{Problem} ({Hints})";
}
