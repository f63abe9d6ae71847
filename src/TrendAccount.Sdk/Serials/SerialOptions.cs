using System.Text;
using System.Text.Json;

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

    /// <summary>
    /// Reads prefix rules from JSON: either an array of rules or an object with a <c>Rules</c> array, each rule
    /// <c>{ "Prefix": "T", "Channel": "Reseller", "Contact": "Best Buy or your Internet Service Provider (ISP)" }</c>.
    /// Property names and channel names are case-insensitive; comments and trailing commas are allowed; unknown
    /// properties are errors. The rules are validated as at start-up.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rules, in order; add them to <see cref="Rules"/>.</returns>
    /// <exception cref="FormatException">The text is not valid JSON of that shape, or the rules are not valid; the message says where.</exception>
    public static IReadOnlyList<SerialPrefixRule> LoadRulesFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return LoadRules(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads prefix rules from a UTF-8 JSON stream, in the shape described at <see cref="LoadRulesFromJson(string)"/>.</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <returns>The rules, in order; add them to <see cref="Rules"/>.</returns>
    /// <exception cref="FormatException">The stream is not valid JSON of that shape, or the rules are not valid; the message says where.</exception>
    public static IReadOnlyList<SerialPrefixRule> LoadRulesFromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return LoadRules(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal void Validate(ICollection<string> failures) =>
        ValidateRules(Rules, "TrendAccount:Serials:Rules", failures);

    private static IReadOnlyList<SerialPrefixRule> LoadRules(ReadOnlySpan<byte> utf8Json)
    {
        List<SerialPrefixRule>? rules;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var first = reader.Read() ? reader.TokenType : JsonTokenType.None;
            rules = first switch
            {
                JsonTokenType.StartArray => JsonSerializer.Deserialize(utf8Json, SerialRulesJsonContext.Default.ListSerialPrefixRule),
                JsonTokenType.StartObject => JsonSerializer.Deserialize(utf8Json, SerialRulesJsonContext.Default.SerialRulesDocument)?.Rules,
                _ => throw new FormatException("The serial rules JSON must be an array of rules or an object with a \"Rules\" array."),
            };
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The serial rules JSON is not valid: {exception.Message}", exception);
        }

        if (rules is null)
        {
            throw new FormatException("The serial rules JSON must be an array of rules or an object with a \"Rules\" array.");
        }

        var failures = new List<string>();
        ValidateRules(rules, "Rules", failures);
        if (failures.Count > 0)
        {
            throw new FormatException("The serial rules are not valid: " + string.Join(" ", failures));
        }

        return rules.ToArray();
    }

    private static void ValidateRules(IList<SerialPrefixRule> rules, string path, ICollection<string> failures)
    {
        var seen = new List<(int Index, string Prefix)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var name = $"{path}:{i}:Prefix";
            if (rule is null || string.IsNullOrEmpty(rule.Prefix))
            {
                failures.Add($"{name} must not be empty.");
                continue;
            }

            if (rule.Prefix.Length > 19 || !rule.Prefix.All(char.IsAsciiLetterOrDigit))
            {
                failures.Add($"{name} ('{rule.Prefix}') must be 1 to 19 ASCII letters or digits.");
            }
            else
            {
                foreach (var (index, prefix) in seen)
                {
                    if (string.Equals(prefix, rule.Prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add($"{name} ('{rule.Prefix}') duplicates rule {index}.");
                        break;
                    }

                    if (rule.Prefix.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add($"{name} ('{rule.Prefix}') can never match: rule {index} ('{prefix}') comes first and matches every serial it would.");
                        break;
                    }
                }

                seen.Add((i, rule.Prefix));
            }

            if (rule.Channel == PurchaseChannel.Unknown || !Enum.IsDefined(rule.Channel))
            {
                failures.Add($"{path}:{i}:Channel must be Direct or Reseller.");
            }
        }
    }
}
