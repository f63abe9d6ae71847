using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace TrendAccount.Sdk.Tests.Serials;

public sealed class SerialOptionsTests
{
    [Fact]
    public void EffectiveRules_NoRulesConfigured_IsTheBuiltInTRule()
    {
        var rule = Assert.Single(new SerialOptions().EffectiveRules());

        Assert.Equal("T", rule.Prefix);
        Assert.Equal(PurchaseChannel.Reseller, rule.Channel);
        Assert.Equal("Best Buy or your Internet Service Provider (ISP)", rule.Contact);
    }

    [Fact]
    public void Rules_BoundFromJsonConfiguration_AreUsedByTheClassifier()
    {
        const string json = """
            {
              "TrendAccount": {
                "Serials": {
                  "Rules": [
                    { "Prefix": "T", "Channel": "Reseller", "Contact": "Best Buy" },
                    { "Prefix": "D9", "Channel": "Direct" },
                    { "Prefix": "R", "Channel": "Reseller" }
                  ]
                }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var options = new TrendAccountOptions();

        configuration.GetSection(TrendAccountOptions.SectionName).Bind(options);

        Assert.Equal(3, options.Serials.Rules.Count);
        Assert.Equal(("T", PurchaseChannel.Reseller, "Best Buy"), (options.Serials.Rules[0].Prefix, options.Serials.Rules[0].Channel, options.Serials.Rules[0].Contact));
        Assert.Equal(("D9", PurchaseChannel.Direct, (string?)null), (options.Serials.Rules[1].Prefix, options.Serials.Rules[1].Channel, options.Serials.Rules[1].Contact));
        Assert.Empty(options.Validate());

        var classifier = new SerialClassifier(options.Serials);
        Assert.Equal("Best Buy", classifier.Classify("TABC-1234-5678-9012-3456").ResellerContact);
        Assert.Equal(PurchaseChannel.Direct, classifier.Classify("D9BC-1234-5678-9012-3456").Channel);
        Assert.Equal(SerialOptions.DefaultResellerContact, classifier.Classify("RABC-1234-5678-9012-3456").ResellerContact);
    }

    [Fact]
    public void Validate_RuleWithoutPrefixFromConfiguration_NamesTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TrendAccount:Serials:Rules:0:Channel"] = "Reseller" })
            .Build();
        var options = new TrendAccountOptions();
        configuration.GetSection(TrendAccountOptions.SectionName).Bind(options);

        var failure = Assert.Single(options.Validate());

        Assert.Equal("TrendAccount:Serials:Rules:0:Prefix must not be empty.", failure);
    }

    public static TheoryData<string[], string> InvalidRules => new()
    {
        { [""], "TrendAccount:Serials:Rules:0:Prefix must not be empty." },
        { ["T", "t"], "TrendAccount:Serials:Rules:1:Prefix ('t') duplicates rule 0." },
        { ["T-1"], "TrendAccount:Serials:Rules:0:Prefix ('T-1') must be 1 to 19 ASCII letters or digits." },
        { ["Ｔ"], "TrendAccount:Serials:Rules:0:Prefix ('Ｔ') must be 1 to 19 ASCII letters or digits." },
        { [new string('A', 20)], $"TrendAccount:Serials:Rules:0:Prefix ('{new string('A', 20)}') must be 1 to 19 ASCII letters or digits." },
        { ["T", "TA"], "TrendAccount:Serials:Rules:1:Prefix ('TA') can never match: rule 0 ('T') comes first and matches every serial it would." },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void Validate_InvalidPrefix_ReportsTheSettingAndTheReason(string[] prefixes, string expected)
    {
        var options = new TrendAccountOptions();
        foreach (var prefix in prefixes)
        {
            options.Serials.Rules.Add(new SerialPrefixRule { Prefix = prefix });
        }

        Assert.Equal(expected, Assert.Single(options.Validate()));
    }

    [Theory]
    [InlineData(PurchaseChannel.Unknown)]
    [InlineData((PurchaseChannel)7)]
    public void Validate_UnknownChannel_ReportsTheChannelSetting(PurchaseChannel channel)
    {
        var options = new TrendAccountOptions();
        options.Serials.Rules.Add(new SerialPrefixRule { Prefix = "T", Channel = channel });

        Assert.Equal("TrendAccount:Serials:Rules:0:Channel must be Direct or Reseller.", Assert.Single(options.Validate()));
    }

    [Fact]
    public void Validate_MoreSpecificRuleFirst_IsValid()
    {
        var options = new TrendAccountOptions();
        options.Serials.Rules.Add(new SerialPrefixRule { Prefix = "TX", Channel = PurchaseChannel.Direct });
        options.Serials.Rules.Add(new SerialPrefixRule { Prefix = "T" });

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void LoadRulesFromJson_Array_ReturnsTheRulesInOrder()
    {
        var rules = SerialOptions.LoadRulesFromJson("""
            [
              // Sold through resellers.
              { "prefix": "T", "channel": "reseller", "contact": "Best Buy or your ISP" },
              { "Prefix": "D9", "Channel": "Direct", },
            ]
            """);

        Assert.Equal(2, rules.Count);
        Assert.Equal(("T", PurchaseChannel.Reseller, "Best Buy or your ISP"), (rules[0].Prefix, rules[0].Channel, rules[0].Contact));
        Assert.Equal(("D9", PurchaseChannel.Direct), (rules[1].Prefix, rules[1].Channel));
    }

    [Fact]
    public void LoadRulesFromJson_ObjectWithRulesFromAStream_ReturnsTheRules()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "Rules": [ { "Prefix": "B" } ] }"""));

        var rule = Assert.Single(SerialOptions.LoadRulesFromJson(stream));

        Assert.Equal("B", rule.Prefix);
        Assert.Equal(PurchaseChannel.Reseller, rule.Channel);
        var options = new SerialOptions();
        options.Rules.Add(rule);
        Assert.Equal(SerialOptions.DefaultResellerContact, new SerialClassifier(options).Classify("BBBB-1234-5678-9012-3456").ResellerContact);
    }

    [Fact]
    public void LoadRulesFromJson_EmptyArray_ReturnsNoRules()
    {
        Assert.Empty(SerialOptions.LoadRulesFromJson("[]"));
    }

    [Theory]
    [InlineData("", "not valid")]
    [InlineData("not json", "not valid")]
    [InlineData("null", "must be an array of rules")]
    [InlineData("42", "must be an array of rules")]
    [InlineData("{}", "must be an array of rules")]
    [InlineData("""[{ "Prefix": "T", "Prefx": "X" }]""", "Prefx")]
    [InlineData("""[{ "Prefix": "T", "Channel": "Retail" }]""", "$[0].Channel")]
    [InlineData("""[{ "Prefix": "T" }""", "not valid")]
    [InlineData("""[{ "Prefix": "" }]""", "Rules:0:Prefix must not be empty")]
    [InlineData("""[null]""", "Rules:0:Prefix must not be empty")]
    [InlineData("""[{ "Prefix": "T" }, { "Prefix": "T" }]""", "Rules:1:Prefix ('T') duplicates rule 0")]
    [InlineData("""[{ "Prefix": "T", "Channel": "Unknown" }]""", "Rules:0:Channel must be Direct or Reseller")]
    public void LoadRulesFromJson_InvalidInput_ThrowsFormatExceptionSayingWhere(string json, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => SerialOptions.LoadRulesFromJson(json));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadRulesFromJson_MalformedJson_KeepsTheJsonExceptionAsInner()
    {
        var exception = Assert.Throws<FormatException>(() => SerialOptions.LoadRulesFromJson("""[{ "Channel": 5"""));

        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Throws<ArgumentNullException>(() => SerialOptions.LoadRulesFromJson((string)null!));
        Assert.Throws<ArgumentNullException>(() => SerialOptions.LoadRulesFromJson((Stream)null!));
    }
}
