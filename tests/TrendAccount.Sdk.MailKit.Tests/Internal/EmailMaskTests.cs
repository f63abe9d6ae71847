namespace TrendAccount.Sdk.MailKit.Tests.Internal;

public sealed class EmailMaskTests
{
    [Theory]
    [InlineData("jane.doe@example.com", "j***e@e***e.com")]
    [InlineData("j@example.com", "j****@e***e.com")]
    [InlineData("\U0001F600smile@example.com", "?***e@e***e.com")]
    [InlineData("no-at-sign", "***")]
    [InlineData("@example.com", "***")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Mask_Address_MasksAsTheCoreSdkDoes(string? email, string expected) =>
        Assert.Equal(expected, EmailMask.Mask(email));

    [Fact]
    public void Redact_TextNamingAddressInAnyCase_MasksEveryOccurrence() =>
        Assert.Equal(
            "550 <j***e@e***e.com> unknown; j***e@e***e.com rejected",
            EmailMask.Redact("550 <Jane.Doe@Example.com> unknown; jane.doe@example.com rejected", "jane.doe@example.com"));
}
