using CsCheck;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Tests.Serials;

public sealed class SerialClassifierTests
{
    private const string Canonical = "PQRS-1234-5678-9012-3456";

    private static readonly SerialClassifier Classifier = new();

    public static TheoryData<string, string, InputHints> WellFormed => new()
    {
        { Canonical, Canonical, InputHints.None },
        { "pqrs-1234-5678-9012-3456", Canonical, InputHints.LowerCase },
        { "PqRs-1234-5678-9012-3456", Canonical, InputHints.LowerCase },
        { "PQRS1234567890123456", Canonical, InputHints.Separators },
        { "PQRS1234-5678-90123456", Canonical, InputHints.Separators },
        { "PQRS 1234 5678 9012 3456", Canonical, InputHints.Separators },
        { "PQRS - 1234 - 5678 - 9012 - 3456", Canonical, InputHints.Separators },
        { "PQRS\t1234\t5678\t9012\t3456", Canonical, InputHints.Separators | InputHints.ControlCharacters },
        { "PQRS--1234-5678-9012-3456", Canonical, InputHints.Separators | InputHints.RepeatedSeparator },
        { "PQRS\u20141234\u20135678\u22129012\u20103456", Canonical, InputHints.Separators },

        // The seed article: "no extra spaces".
        { "  PQRS-1234-5678-9012-3456\r\n", Canonical, InputHints.SurroundingWhitespace },
        { "\u00A0PQRS-1234-5678-9012-3456\u3000", Canonical, InputHints.SurroundingWhitespace },
        { "\uFEFFPQRS-1234-56\u200B78-9012-3456", Canonical, InputHints.InvisibleCharacters },

        // Full-width input from an IME.
        { "ＰＱＲＳ－１２３４－５６７８－９０１２－３４５６", Canonical, InputHints.WideCharacters | InputHints.Separators },
        { "ｐｑｒｓ\u30FC１２３４\u30FC５６７８\u30FC９０１２\u30FC３４５６", Canonical, InputHints.WideCharacters | InputHints.Separators | InputHints.LowerCase },
        { "ＰＱＲＳ１２３４\u3000５６７８９０１２３４５６", Canonical, InputHints.WideCharacters | InputHints.Separators },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Classify_WellFormedInput_ReturnsCanonicalDirectSerial(string input, string serial, InputHints hints)
    {
        var result = Classifier.Classify(input);

        Assert.True(result.IsWellFormed, result.ToString());
        Assert.Equal(SerialProblem.None, result.Problem);
        Assert.Equal(serial, result.Serial);
        Assert.Equal(hints, result.Hints);
        Assert.Equal(PurchaseChannel.Direct, result.Channel);
        Assert.True(result.SupportsAccount);
        Assert.Null(result.ResellerContact);
    }

    public static TheoryData<string?, SerialProblem, InputHints> NotWellFormed => new()
    {
        { null, SerialProblem.Empty, InputHints.None },
        { "", SerialProblem.Empty, InputHints.None },
        { "   \t ", SerialProblem.Empty, InputHints.SurroundingWhitespace },
        { "\u200B", SerialProblem.Empty, InputHints.InvisibleCharacters },
        { "PQRS-1234-5678-9012-345", SerialProblem.WrongLength, InputHints.None },
        { "PQRS-1234-5678-9012-34567", SerialProblem.WrongLength, InputHints.None },
        { "PQRS-1234-5678-9012-3456-7890", SerialProblem.WrongLength, InputHints.None },
        { "PQRS-1234-5678-9012", SerialProblem.WrongLength, InputHints.None },
        { "pqrs", SerialProblem.WrongLength, InputHints.LowerCase },
        { "PQRS-1234-5678-9012-345!", SerialProblem.InvalidCharacters, InputHints.None },
        { "PQRS_1234_5678_9012_3456", SerialProblem.InvalidCharacters, InputHints.None },
        { "PQRS.1234.5678.9012.3456", SerialProblem.InvalidCharacters, InputHints.None },
        { "PQRS-1234-5678-9012-345\u00C9", SerialProblem.InvalidCharacters, InputHints.None },
        { "PQRS\0-1234-5678-9012-3456", SerialProblem.InvalidCharacters, InputHints.ControlCharacters },
        { "PQR-S1234-5678-9012-3456", SerialProblem.MisplacedSeparators, InputHints.Separators },
        { "PQRS12345678901234 56", SerialProblem.MisplacedSeparators, InputHints.Separators },
        { "PQRS-123-45678-9012-3456", SerialProblem.MisplacedSeparators, InputHints.Separators },
        { "-PQRS-1234-5678-9012-3456", SerialProblem.MisplacedSeparators, InputHints.Separators },
        { "PQRS-1234-5678-9012-3456-", SerialProblem.MisplacedSeparators, InputHints.Separators },
        { " PQRS-1234-5678-9012-3456 - ", SerialProblem.MisplacedSeparators, InputHints.Separators | InputHints.SurroundingWhitespace },
        { "P Q R S 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6", SerialProblem.MisplacedSeparators, InputHints.Separators },
    };

    [Theory]
    [MemberData(nameof(NotWellFormed))]
    public void Classify_NotWellFormedInput_ReturnsProblemAndHints(string? input, SerialProblem problem, InputHints hints)
    {
        var result = Classifier.Classify(input);

        Assert.False(result.IsWellFormed);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(hints, result.Hints);
        Assert.Null(result.Serial);
        Assert.Equal(PurchaseChannel.Unknown, result.Channel);
        Assert.False(result.SupportsAccount);
        Assert.Null(result.ResellerContact);
    }

    [Fact]
    public void Classify_SurrogatesAndOversizedInput_AreNotWellFormed()
    {
        Assert.Equal(SerialProblem.InvalidCharacters, Classifier.Classify("PQRS-1234-5678-9012-345\uD800").Problem);
        Assert.Equal(SerialProblem.InvalidCharacters, Classifier.Classify("\uD83D\uDE00PQRS-1234-5678-9012-3456").Problem);

        var oversized = Classifier.Classify(new string(' ', SerialClassifier.MaximumInputLength + 1));
        Assert.Equal(SerialProblem.WrongLength, oversized.Problem);
        Assert.Equal(InputHints.Oversized, oversized.Hints);
    }

    [Theory]
    [InlineData('A')]
    [InlineData(' ')]
    [InlineData('\uD800')]
    public void Classify_MegabyteInput_RejectedAsOversized(char fill)
    {
        var result = Classifier.Classify(new string(fill, 1024 * 1024));

        Assert.Equal(SerialProblem.WrongLength, result.Problem);
        Assert.Equal(InputHints.Oversized, result.Hints);
    }

    [Theory]
    [InlineData("TABC-1234-5678-9012-3456", "TABC-1234-5678-9012-3456")]
    [InlineData("tabc1234567890123456", "TABC-1234-5678-9012-3456")]
    [InlineData(" ｔ１２３ ４５６７ ８９０１ ２３４５ ６７８９ ", "T123-4567-8901-2345-6789")]
    public void Classify_SerialStartingWithT_IsResellerWithoutAccount(string input, string serial)
    {
        // The seed article: serials that start with "T" were sold by Best Buy or an ISP.
        var result = Classifier.Classify(input);

        Assert.Equal(serial, result.Serial);
        Assert.Equal(PurchaseChannel.Reseller, result.Channel);
        Assert.False(result.SupportsAccount);
        Assert.Equal("Best Buy or your Internet Service Provider (ISP)", result.ResellerContact);
    }

    [Fact]
    public void Classify_CustomRules_FirstMatchingPrefixWinsAcrossGroupBoundaries()
    {
        var options = new SerialOptions();
        options.Rules.Add(new SerialPrefixRule { Prefix = "tx", Channel = PurchaseChannel.Direct, Contact = "ignored for direct" });
        options.Rules.Add(new SerialPrefixRule { Prefix = "T", Channel = PurchaseChannel.Reseller, Contact = "Your ISP" });
        options.Rules.Add(new SerialPrefixRule { Prefix = "PQRS12", Channel = PurchaseChannel.Reseller });
        var classifier = new SerialClassifier(options);

        var direct = classifier.Classify("TXAB-1234-5678-9012-3456");
        Assert.Equal(PurchaseChannel.Direct, direct.Channel);
        Assert.True(direct.SupportsAccount);
        Assert.Null(direct.ResellerContact);

        var reseller = classifier.Classify("TAAB-1234-5678-9012-3456");
        Assert.Equal(PurchaseChannel.Reseller, reseller.Channel);
        Assert.Equal("Your ISP", reseller.ResellerContact);

        var spanning = classifier.Classify("pqrs 1234 5678 9012 3456");
        Assert.Equal(PurchaseChannel.Reseller, spanning.Channel);
        Assert.False(spanning.SupportsAccount);
        Assert.Equal(SerialOptions.DefaultResellerContact, spanning.ResellerContact);

        var unmatched = classifier.Classify("PQR1-1234-5678-9012-3456");
        Assert.Equal(PurchaseChannel.Direct, unmatched.Channel);
        Assert.True(unmatched.SupportsAccount);
    }

    [Fact]
    public void Classify_ConfiguredRules_ReplaceTheBuiltInTRule()
    {
        var options = new SerialOptions();
        options.Rules.Add(new SerialPrefixRule { Prefix = "B", Channel = PurchaseChannel.Reseller, Contact = "Best Buy" });
        var classifier = new SerialClassifier(options);

        Assert.Equal(PurchaseChannel.Direct, classifier.Classify("TABC-1234-5678-9012-3456").Channel);
        Assert.Equal("Best Buy", classifier.Classify("BABC-1234-5678-9012-3456").ResellerContact);
    }

    [Fact]
    public void Constructor_RulesChangedLater_KeepsTheRulesItWasBuiltWith()
    {
        var options = new SerialOptions();
        var classifier = new SerialClassifier(options);

        options.Rules.Add(new SerialPrefixRule { Prefix = "P", Channel = PurchaseChannel.Reseller });

        Assert.Equal(PurchaseChannel.Direct, classifier.Classify(Canonical).Channel);
        Assert.Equal(PurchaseChannel.Reseller, classifier.Classify("TABC-1234-5678-9012-3456").Channel);
    }

    [Fact]
    public void Constructor_FromIOptions_UsesTheSerialsGroup()
    {
        var options = new SerialOptions();
        options.Rules.Add(new SerialPrefixRule { Prefix = "PQ", Channel = PurchaseChannel.Reseller, Contact = "Shop" });

        var classifier = new SerialClassifier(Microsoft.Extensions.Options.Options.Create(options));

        Assert.Equal("Shop", classifier.Classify(Canonical).ResellerContact);
    }

    [Fact]
    public void Constructor_InvalidRules_ThrowsNamingTheSetting()
    {
        var options = new SerialOptions();
        options.Rules.Add(new SerialPrefixRule { Prefix = "T-1" });

        var exception = Assert.Throws<OptionsValidationException>(() => new SerialClassifier(options));

        Assert.Contains("TrendAccount:Serials:Rules:0:Prefix", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new SerialClassifier((SerialOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new SerialClassifier((IOptions<SerialOptions>)null!));
    }

    [Fact]
    public void Classify_ArbitraryStrings_NeverThrows()
    {
        Gen.String.Sample(s => { _ = Classifier.Classify(s); }, iter: 5_000);
        Gen.String[Gen.Char["aZ09 -\t\u3000\u200Bｑ９－\u30FC\u2014!\uD800\uDC00"], 0, 40].Sample(s => { _ = Classifier.Classify(s); }, iter: 5_000);
    }

    [Fact]
    public void Classify_AnyTwentyLettersAndDigitsWithSeparatorsBetweenGroups_GivesTheCanonicalSerial()
    {
        var groups = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ＡＺａｚ０９"], 4, 4].Array[5, 5];
        var separators = Gen.OneOf<string>("", "-", " ", "--", " - ", "\u3000", "－", "\u2013").Array[4, 4];
        Gen.Select(groups, separators, Gen.OneOf<string>("", " ", "\t\u00A0")).Sample((g, s, edge) =>
        {
            var input = edge + g[0] + s[0] + g[1] + s[1] + g[2] + s[2] + g[3] + s[3] + g[4] + edge;
            var result = Classifier.Classify(input);
            var expected = string.Join('-', g.Select(x => new string(x.Select(Fold).ToArray())));
            var again = Classifier.Classify(result.Serial);
            return result.IsWellFormed
                && result.Serial == expected
                && result.Channel == (expected[0] == 'T' ? PurchaseChannel.Reseller : PurchaseChannel.Direct)
                && again.Serial == expected
                && again.Hints == InputHints.None;
        }, iter: 5_000);
    }

    private static char Fold(char c) => char.ToUpperInvariant(c >= '\uFF01' ? (char)(c - 0xFEE0) : c);
}
