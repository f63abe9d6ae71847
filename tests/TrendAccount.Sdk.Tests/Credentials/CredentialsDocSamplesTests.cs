namespace TrendAccount.Sdk.Tests.Credentials;

/// <summary>The code samples of docs/credentials.md, compiled and checked.</summary>
public sealed class CredentialsDocSamplesTests
{
    [Fact]
    public void EmailSample_AsDocumented()
    {
        var result = CredentialNormalizer.Default.NormalizeEmail("  ＪＯＨＮ＠Ｅｘａｍｐｌｅ．ｃｏｍ ");
        Assert.True(result.IsValid);
        Assert.Equal("JOHN@example.com", result.Email);
        Assert.Equal("john@example.com", result.LookupKey);
        Assert.Equal(InputHints.SurroundingWhitespace | InputHints.WideCharacters, result.Hints);

        var rejected = CredentialNormalizer.Default.NormalizeEmail("john@@example.com");
        Assert.Equal(EmailProblem.RepeatedSeparator, rejected.Problem);
        Assert.Null(rejected.Email);
        var text = TrendAccountMessages.Default.DescribeEmailProblem(rejected.Problem);
        Assert.Equal("Your email address contains duplicate characters. Ensure there are no duplicate characters.", text);
    }

    [Theory]
    [InlineData("JÖHN@Bücher.example", "JÖHN@xn--bcher-kva.example", "jöhn@xn--bcher-kva.example")]
    [InlineData("john@例え。jp", "john@xn--r8jz45g.jp", "john@xn--r8jz45g.jp")]
    public void EmailTable_AsDocumented(string typed, string email, string lookupKey)
    {
        var result = CredentialNormalizer.Default.NormalizeEmail(typed);

        Assert.Equal(email, result.Email);
        Assert.Equal(lookupKey, result.LookupKey);
    }

    [Fact]
    public void PasswordSample_AsDocumented()
    {
        var password = CredentialNormalizer.Default.NormalizePassword(" ｓｅｃｒｅｔ ");

        Assert.Equal(" secret ", password.Value);
        Assert.Equal(InputHints.SurroundingWhitespace | InputHints.WideCharacters, password.Hints);
        Assert.Equal("PasswordInput(***)", password.ToString());
    }

    [Fact]
    public void SerialSample_AsDocumented()
    {
        var classifier = new SerialClassifier();
        var serial = classifier.Classify(" tabc 1234 5678 9012 3456 ");

        Assert.True(serial.IsWellFormed);
        Assert.Equal("TABC-1234-5678-9012-3456", serial.Serial);
        Assert.Equal(PurchaseChannel.Reseller, serial.Channel);
        Assert.False(serial.SupportsAccount);
        Assert.Equal("Best Buy or your Internet Service Provider (ISP)", serial.ResellerContact);
        Assert.Equal(InputHints.SurroundingWhitespace | InputHints.LowerCase | InputHints.Separators, serial.Hints);
        var text = TrendAccountMessages.Default.ResellerSerial(serial.ResellerContact!);
        Assert.Contains("Best Buy or your Internet Service Provider (ISP)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadRulesSample_AsDocumented()
    {
        var path = Path.Combine(Path.GetTempPath(), $"serial-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[{ "Prefix": "TX", "Channel": "Direct" }, { "Prefix": "T" }]""");
        try
        {
            var options = new TrendAccountOptions();
            using (var file = File.OpenRead(path))
            {
                foreach (var rule in SerialOptions.LoadRulesFromJson(file))
                {
                    options.Serials.Rules.Add(rule);
                }
            }

            Assert.Empty(options.Validate());
            var classifier = new SerialClassifier(options.Serials);
            Assert.Equal(PurchaseChannel.Direct, classifier.Classify("TX00-0000-0000-0000-0000").Channel);
            Assert.Equal(PurchaseChannel.Reseller, classifier.Classify("T000-0000-0000-0000-0000").Channel);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
