namespace TrendAccount.Sdk;

/// <summary>The object form of a serial rules JSON file: <c>{ "Rules": [ … ] }</c>.</summary>
internal sealed class SerialRulesDocument
{
    /// <summary>Gets or sets the rules.</summary>
    public List<SerialPrefixRule>? Rules { get; set; }
}
