namespace TrendAccount.Sdk;

/// <summary>Serial number rules (<see cref="TrendAccountOptions.Serials"/>).</summary>
public sealed class SerialOptions
{
    /// <summary>The prefix of serials sold by Best Buy or an Internet Service Provider: <c>T</c>.</summary>
    public const string DefaultResellerPrefix = "T";

    /// <summary>Whom a customer with a <c>T</c> serial contacts, in the support article's words.</summary>
    public const string DefaultResellerContact = "Best Buy or your Internet Service Provider (ISP)";

    /// <summary>
    /// Gets the prefix rules, first match wins; a serial no rule matches is <see cref="PurchaseChannel.Direct"/>.
    /// </summary>
    /// <value>
    /// When empty (the default), the built-in rule applies: prefix <see cref="DefaultResellerPrefix"/> →
    /// <see cref="PurchaseChannel.Reseller"/>, contact <see cref="DefaultResellerContact"/>. Rules added here
    /// (in code or from configuration) replace the built-in rule.
    /// </value>
    public IList<SerialPrefixRule> Rules { get; } = new List<SerialPrefixRule>();

    /// <summary>Gets the rules in effect: <see cref="Rules"/>, or the built-in rule when none are configured.</summary>
    /// <returns>The rules, first match wins.</returns>
    public IReadOnlyList<SerialPrefixRule> EffectiveRules() =>
        Rules.Count > 0
            ? Rules.ToArray()
            : [new SerialPrefixRule { Prefix = DefaultResellerPrefix, Channel = PurchaseChannel.Reseller, Contact = DefaultResellerContact }];

    internal void Validate(ICollection<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var name = $"TrendAccount:Serials:Rules:{i}:Prefix";
            if (rule is null || string.IsNullOrEmpty(rule.Prefix))
            {
                failures.Add($"{name} must not be empty.");
                continue;
            }

            if (rule.Prefix.Length > 19 || !rule.Prefix.All(char.IsAsciiLetterOrDigit))
            {
                failures.Add($"{name} ('{rule.Prefix}') must be 1 to 19 ASCII letters or digits.");
            }

            if (!seen.Add(rule.Prefix))
            {
                failures.Add($"{name} ('{rule.Prefix}') duplicates an earlier rule.");
            }

            if (rule.Channel == PurchaseChannel.Unknown)
            {
                failures.Add($"TrendAccount:Serials:Rules:{i}:Channel must be Direct or Reseller.");
            }
        }
    }
}
