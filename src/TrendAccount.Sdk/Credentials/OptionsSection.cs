namespace TrendAccount.Sdk;

/// <summary>The name the option groups report in <c>OptionsValidationException</c>, so the domain need not name the root options.</summary>
internal static class OptionsSection
{
    /// <summary>The configuration section of the root options: <c>TrendAccount</c>.</summary>
    public const string Name = "TrendAccount";
}
