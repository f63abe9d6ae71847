namespace TrendAccount.Sdk.Tests.Captcha;

/// <summary>Issue #11 item 5: no pooled partition for unknown clients; IPv6 keyed by its /64.</summary>
public sealed class ClientContextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PartitionKey_NoAddress_IsNullNotAPooledKey(string? ip) => Assert.Null(new ClientContext(ip).PartitionKey);

    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData(" 192.0.2.1 ", "192.0.2.1")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:DB8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("not-an-ip", "not-an-ip")]
    public void PartitionKey_Address_IsNormalizedAndIPv6ByItsSlash64(string ip, string expected) =>
        Assert.Equal(expected, new ClientContext(ip).PartitionKey);

    [Fact]
    public async Task ResetPasswordAsync_GarbageLinksFromUnknownClients_DoNotThrottleTheVictimsValidLink()
    {
        // The attack: behind a proxy (or with no client address) everyone shared the "unknown" partition, so 10
        // garbage tokens got the victim's valid link refused.
        await using var host = FlowHost.Create();
        await host.RegisterAsync("PQRS-1234-5678-9012-3456", "john@example.com", "correct horse battery");
        var token = await host.RequestResetTokenAsync("john@example.com");
        for (var i = 0; i < 10; i++)
        {
            await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(SecureTokens.Issue().Token, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));
        }

        var victim = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "brand new passphrase", "brand new passphrase", ClientContext.Unknown));

        Assert.Equal(ResetPasswordStatus.Succeeded, victim.Status);
    }

    [Fact]
    public async Task ResetPasswordAsync_GarbageLinksFromOneIPv6Subnet_ThrottleEveryAddressInIt()
    {
        await using var host = FlowHost.Create(o => o.RateLimits.InvalidResetTokensPerClient.PermitLimit = 3);
        for (var i = 0; i < 3; i++)
        {
            var client = new ClientContext($"2001:db8:1:2::{i + 1:x}");
            await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(SecureTokens.Issue().Token, "brand new passphrase", "brand new passphrase", client));
        }

        var sameSubnet = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(SecureTokens.Issue().Token, "brand new passphrase", "brand new passphrase", new ClientContext("2001:db8:1:2:ffff::9")));
        var otherSubnet = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(SecureTokens.Issue().Token, "brand new passphrase", "brand new passphrase", new ClientContext("2001:db8:1:3::9")));

        Assert.Equal(ResetPasswordStatus.RateLimited, sameSubnet.Status);
        Assert.Equal(ResetPasswordStatus.InvalidLink, otherSubnet.Status);
    }

    [Fact]
    public async Task SignInAsync_UnknownClient_LogsTheWarningOnce()
    {
        await using var host = FlowHost.Create();

        await host.SignInAsync("nobody@example.com", "whatever password");
        await host.SignInAsync("nobody@example.com", "whatever password");

        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1252);
    }
}
