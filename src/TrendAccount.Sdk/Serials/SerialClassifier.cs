using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Recognizes product serial numbers however they were typed and tells which purchase channel they
/// belong to, from the prefix rules of <see cref="SerialOptions"/>. Pure and thread-safe.
/// </summary>
public sealed class SerialClassifier
{
    /// <summary>Initializes a new instance of the <see cref="SerialClassifier"/> class with the default rules.</summary>
    public SerialClassifier()
        : this(new SerialOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SerialClassifier"/> class.</summary>
    /// <param name="options">The SDK options.</param>
    public SerialClassifier(IOptions<TrendAccountOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.Serials)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SerialClassifier"/> class.</summary>
    /// <param name="options">The serial rules.</param>
    public SerialClassifier(SerialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    private SerialOptions Options { get; }

    /// <summary>Classifies a serial number. Never throws.</summary>
    /// <param name="input">What the customer typed.</param>
    /// <returns>The canonical serial and its channel, or why it is not well formed.</returns>
    public SerialClassification Classify(string? input) => throw new NotImplementedException();
}
