using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace TrendAccount.Sdk.Tests.Hashing;

public sealed class HashingOptionsTests
{
    private static string Key(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    [Fact]
    public void Validate_Defaults_AreValidWithWorkFactor11()
    {
        var options = new TrendAccountOptions();

        Assert.Equal(11, options.Hashing.WorkFactor);
        Assert.Null(options.Hashing.CurrentPepperId);
        Assert.Empty(options.Hashing.Peppers);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(9)]
    [InlineData(4)]
    public void Validate_WorkFactorBelow10_IsRefusedNamingTheSettingAndTheTestingSwitch(int workFactor)
    {
        var options = new TrendAccountOptions();
        options.Hashing.WorkFactor = workFactor;

        var failure = Assert.Single(options.Validate());

        Assert.Contains("TrendAccount:Hashing:WorkFactor", failure, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureWorkFactorForTesting", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WorkFactor10_IsAccepted()
    {
        var options = new TrendAccountOptions();
        options.Hashing.WorkFactor = 10;

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_WorkFactor4WithTestingSwitch_IsAccepted()
    {
        var options = new TrendAccountOptions();
        options.Hashing.WorkFactor = 4;
        options.Hashing.AllowInsecureWorkFactorForTesting = true;

        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(-1)]
    public void Validate_WorkFactorOutsideBcryptRange_IsRefusedEvenWithTestingSwitch(int workFactor)
    {
        var options = new TrendAccountOptions();
        options.Hashing.WorkFactor = workFactor;
        options.Hashing.AllowInsecureWorkFactorForTesting = true;

        Assert.Contains("TrendAccount:Hashing:WorkFactor", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("has space")]
    [InlineData("a$b")]
    [InlineData("é")]
    [InlineData("abcdefghijklmnopq")]
    public void Validate_MalformedPepperId_IsRefused(string id)
    {
        var options = new TrendAccountOptions();
        options.Hashing.Peppers[id] = Key(32);

        var failure = Assert.Single(options.Validate());

        Assert.Contains("TrendAccount:Hashing:Peppers", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("2025-Q3_rotation")]
    [InlineData("--")]
    public void Validate_WellFormedPepperId_IsAccepted(string id)
    {
        var options = new TrendAccountOptions();
        options.Hashing.Peppers[id] = Key(32);
        options.Hashing.CurrentPepperId = id;

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_PepperKeyShorterThan32Bytes_IsRefusedWithoutRevealingIt()
    {
        var options = new TrendAccountOptions();
        var key = Key(31);
        options.Hashing.Peppers["p1"] = key;

        var failure = Assert.Single(options.Validate());

        Assert.Contains("TrendAccount:Hashing:Peppers:p1", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(key, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all, but long enough to be 32 characters")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Validate_PepperKeyNotBase64_IsRefused(string key)
    {
        var options = new TrendAccountOptions();
        options.Hashing.Peppers["p1"] = key;

        Assert.Contains("TrendAccount:Hashing:Peppers:p1", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CurrentPepperIdNotConfigured_IsRefused()
    {
        var options = new TrendAccountOptions();
        options.Hashing.Peppers["p1"] = Key(32);
        options.Hashing.CurrentPepperId = "p2";

        Assert.Contains("TrendAccount:Hashing:CurrentPepperId", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var options = new TrendAccountOptions();
        options.Hashing.WorkFactor = 8;
        options.Hashing.Peppers["bad id"] = "short";
        options.Hashing.CurrentPepperId = "missing";

        Assert.Equal(4, options.Validate().Count);
    }

    [Fact]
    public void Bind_DocumentedConfiguration_FillsPeppersAndValidates()
    {
        // The shape shown in docs/hashing.md.
        var json = $$"""
            {
              "TrendAccount": {
                "Hashing": {
                  "WorkFactor": 11,
                  "CurrentPepperId": "2025-09",
                  "Peppers": { "2025-03": "{{Key(32)}}", "2025-09": "{{Key(32)}}" }
                }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var options = new TrendAccountOptions();

        configuration.GetSection(TrendAccountOptions.SectionName).Bind(options);

        Assert.Equal("2025-09", options.Hashing.CurrentPepperId);
        Assert.Equal(["2025-03", "2025-09"], options.Hashing.Peppers.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(options.Validate());
    }
}
