using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.Testing;

public sealed class TestCaptchaVerifierTests
{
    [Theory]
    [InlineData(TestCaptchaVerifier.ValidResponse, true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("TEST-CAPTCHA-OK", false)]
    public async Task VerifyAsync_Response_AcceptsOnlyTheExpectedAnswerAndCountsCalls(string? response, bool expected)
    {
        var verifier = new TestCaptchaVerifier();
        Assert.Equal(expected, await verifier.VerifyAsync(response, ClientContext.Unknown, default));
        Assert.Equal(1, verifier.Calls);
    }
}
