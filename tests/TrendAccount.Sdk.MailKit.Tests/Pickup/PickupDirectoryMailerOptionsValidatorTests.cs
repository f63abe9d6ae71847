using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.MailKit.Tests.Pickup;

public sealed class PickupDirectoryMailerOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoDirectory_NamesDirectory(string? directory)
    {
        var result = new PickupDirectoryMailerOptionsValidator(static () => true).Validate(Options.DefaultName, new() { Directory = directory });

        Assert.Equal("TrendAccount:PickupDirectory:Directory is required.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_PathWithNul_NamesDirectory()
    {
        var result = new PickupDirectoryMailerOptionsValidator(static () => true).Validate(Options.DefaultName, new() { Directory = "out\0box" });

        Assert.StartsWith("TrendAccount:PickupDirectory:Directory (", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Directory_Succeeds() =>
        Assert.True(new PickupDirectoryMailerOptionsValidator(static () => true).Validate(Options.DefaultName, new() { Directory = "outbox" }).Succeeded);
}
