namespace TrendAccount.Sdk.MailKit.Tests.Internal;

public sealed class EmailMaskTests
{
    [Theory]
    [InlineData("jane.doe@example.com", "j***@example.com")]
    [InlineData("j@example.com", "j***@example.com")]
    [InlineData("\U0001F600smile@example.com", "\U0001F600***@example.com")]
    [InlineData("no-at-sign", "***")]
    [InlineData("@example.com", "***")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Mask_Address_KeepsFirstCharacterAndDomain(string? email, string expected) =>
        Assert.Equal(expected, EmailMask.Mask(email));

    [Fact]
    public void Redact_TextNamingAddressInAnyCase_MasksEveryOccurrence() =>
        Assert.Equal(
            "550 <j***@example.com> unknown; j***@example.com rejected",
            EmailMask.Redact("550 <Jane.Doe@Example.com> unknown; jane.doe@example.com rejected", "jane.doe@example.com"));
}
