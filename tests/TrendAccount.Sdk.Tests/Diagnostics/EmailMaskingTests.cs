namespace TrendAccount.Sdk.Tests.Diagnostics;

public sealed class EmailMaskingTests
{
    [Theory]
    [InlineData("john@example.com", "j***n@e*****e.com")]
    [InlineData("j@example.com", "j***@e*****e.com")]
    [InlineData("jane.doe@mail.example.co.uk", "j***e@m**l.e*****e.c*.uk")]
    [InlineData("not-an-address", "***")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Mask_Address_HidesAllButTheEdgesOfEachPart(string? email, string expected) =>
        Assert.Equal(expected, EmailMasking.Mask(email));

    [Fact]
    public void Mask_LocalPartsOfDifferentLength_LookTheSame() =>
        Assert.Equal(EmailMasking.Mask("jn@example.com"), EmailMasking.Mask("jonathan@example.com"));
}
