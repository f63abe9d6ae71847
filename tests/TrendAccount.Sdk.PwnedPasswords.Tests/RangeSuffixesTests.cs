using System.Text;
using TrendAccount.Sdk.PwnedPasswords.Internal;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

public sealed class RangeSuffixesTests
{
    [Fact]
    public void HashPassword_KnownVector_SplitsSha1IntoPrefixAndPackedSuffix()
    {
        // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
        var suffix = new byte[RangeSuffixes.PackedLength];

        var prefix = RangeSuffixes.HashPassword("password", suffix);

        Assert.Equal("5BAA6", prefix);
        Assert.True(RangeSuffixes.TryParse("1E4C9B93F3F0682250B6CF8331B7EE68FD8:10\r\n"u8, 1, out var list));
        Assert.True(list.Contains(suffix));
        Assert.Equal("01E4C9B93F3F0682250B6CF8331B7EE68FD8", Convert.ToHexString(suffix));
    }

    [Fact]
    public void TryParse_PaddingAndBelowMinimum_AreNotKept()
    {
        var body = "1E4C9B93F3F0682250B6CF8331B7EE68FD8:0\r\n0018A45C4D1DEF81644B54AB7F969B88D65:4\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:5\r\n";

        Assert.True(RangeSuffixes.TryParse(Encoding.UTF8.GetBytes(body), 5, out var list));

        Assert.Equal(1, list.Count);
        Assert.Equal(RangeSuffixes.PackedLength, list.SizeInBytes);
    }

    [Fact]
    public void TryParse_CountBeyondLong_Saturates()
    {
        Assert.True(RangeSuffixes.TryParse("1E4C9B93F3F0682250B6CF8331B7EE68FD8:99999999999999999999999999\n"u8, long.MaxValue, out var list));
        Assert.Equal(1, list.Count);
    }
}
