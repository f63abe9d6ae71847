using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk.Tests.Tokens;

public sealed class SecureTokensTests
{
    [Fact]
    public void Issue_TenThousandTokens_AllDistinct43CharBase64UrlOf32Bytes()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var digests = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            var issued = SecureTokens.Issue();
            Assert.Equal(43, issued.Token.Length);
            Assert.Matches("^[A-Za-z0-9_-]{43}$", issued.Token);
            Assert.Equal(32, Base64Url.DecodeFromChars(issued.Token).Length);
            Assert.NotEqual(issued.Token, issued.Digest);
            Assert.Equal(SecureTokens.DigestLength, issued.Digest.Length);
            Assert.True(tokens.Add(issued.Token));
            Assert.True(digests.Add(issued.Digest));
        }
    }

    [Fact]
    public void Issue_Digest_IsSha256OfTheTokenAsLowerHex()
    {
        var issued = SecureTokens.Issue();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(issued.Token)));
        Assert.Equal(expected, issued.Digest);
    }

    [Fact]
    public void Verify_TheIssuedToken_ReturnsTrue()
    {
        var issued = SecureTokens.Issue();
        Assert.True(SecureTokens.Verify(issued.Token, issued.Digest));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Verify_MalformedOrForeignToken_ReturnsFalse(string? presented)
    {
        var issued = SecureTokens.Issue();
        Assert.False(SecureTokens.Verify(presented, issued.Digest));
    }

    [Fact]
    public void Verify_TokenEndingInLoneSurrogate_ReturnsFalse()
    {
        // Built at run time: xUnit's InlineData replaces lone surrogates with U+FFFD.
        var issued = SecureTokens.Issue();
        var presented = issued.Token[..42] + '\ud800';
        Assert.Equal(SecureTokens.TokenLength, presented.Length);
        Assert.Null(SecureTokens.TryComputeDigest(presented));
        Assert.False(SecureTokens.Verify(presented, issued.Digest));
    }

    [Fact]
    public void Verify_DigestNotLowerCaseHexOrWrongLength_ReturnsFalse()
    {
        var issued = SecureTokens.Issue();
        Assert.False(SecureTokens.Verify(issued.Token, issued.Digest.ToUpperInvariant() == issued.Digest ? issued.Digest[..^1] + "g" : issued.Digest.ToUpperInvariant()));
        Assert.False(SecureTokens.Verify(issued.Token, issued.Digest[..^2] + "zz"));
        Assert.False(SecureTokens.Verify(issued.Token, issued.Digest[..^1]));
        Assert.False(SecureTokens.Verify(issued.Token, null));
    }

    [Fact]
    public void Verify_OneDigestCharacterChanged_ReturnsFalse()
    {
        var issued = SecureTokens.Issue();
        var flipped = (issued.Digest[10] == '0' ? '1' : '0').ToString();
        Assert.False(SecureTokens.Verify(issued.Token, issued.Digest[..10] + flipped + issued.Digest[11..]));
    }

    [Fact]
    public void Verify_AnotherToken_ReturnsFalse()
    {
        Assert.False(SecureTokens.Verify(SecureTokens.Issue().Token, SecureTokens.Issue().Digest));
    }

    [Fact]
    public void ToString_NeverRevealsTheToken()
    {
        var issued = SecureTokens.Issue();
        Assert.DoesNotContain(issued.Token, issued.ToString(), StringComparison.Ordinal);
    }
}
