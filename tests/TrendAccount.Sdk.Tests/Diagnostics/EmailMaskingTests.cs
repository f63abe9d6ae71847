namespace TrendAccount.Sdk.Tests.Diagnostics;

public sealed class EmailMaskingTests
{
    [Theory]
    [InlineData("john@example.com", "j***n@e***e.com")]
    [InlineData("j@example.com", "j****@e***e.com")]
    [InlineData("jane.doe@mail.example.co.uk", "j***e@m***l.e***e.c***o.uk")]
    [InlineData("g@gmail.com", "g****@g***l.com")]
    [InlineData("not-an-address", "***")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Mask_Address_HidesAllButTheEdgesOfEachPart(string? email, string expected) =>
        Assert.Equal(expected, EmailMasking.Mask(email));

    [Fact]
    public void Mask_LocalPartsOfDifferentLength_LookTheSame() =>
        Assert.Equal(EmailMasking.Mask("jn@example.com"), EmailMasking.Mask("jonathan@example.com"));

    [Fact]
    public void Mask_LabelsOfDifferentLengths_HaveTheSameLength()
    {
        // Issue #11 item 4: "g***l" showed gmail's length (5), "e*****e" example's (7). Every label is now five characters.
        string[] addresses =
        [
            "a@b.com", "ab@cd.com", "g@gmail.com", "john@example.com", "jonathan.q.public@averyveryverylongdomainname.com",
            "x@mail.gmail.com", "xy@ab.cd.com",
        ];
        var masks = addresses.Select(EmailMasking.Mask).ToArray();

        Assert.Single(masks.Where(m => m.Split('.').Length == 2).Select(m => m.Length).Distinct());
        Assert.Single(masks.Where(m => m.Split('.').Length == 3).Select(m => m.Length).Distinct());
        Assert.Equal(EmailMasking.Mask("gl@gl.com").Length, EmailMasking.Mask("gmail@gmaillonger.com").Length);
        Assert.All(masks, m => Assert.All(m[..m.LastIndexOf('.')].Split('@', '.'), label => Assert.Equal(5, label.Length)));
    }
}
