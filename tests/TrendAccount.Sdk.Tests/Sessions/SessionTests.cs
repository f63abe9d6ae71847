namespace TrendAccount.Sdk.Tests.Sessions;

public sealed class SessionTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task ValidateSessionAsync_UsedWithinIdleTimeout_SlidesTheExpiry()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.SignInAsync(Email, Password)).SessionToken!;

        for (var i = 0; i < 5; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(20));
            var session = await host.Accounts.ValidateSessionAsync(token);
            Assert.NotNull(session);
            Assert.Equal(host.Time.GetUtcNow() + TokenOptions.DefaultSessionIdleTimeout, session.ExpiresAt);
            Assert.Equal(FlowHost.Start + TokenOptions.DefaultSessionAbsoluteLifetime, session.AbsoluteExpiresAt);
        }
    }

    [Fact]
    public async Task ValidateSessionAsync_IdleTooLong_Expires()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.SignInAsync(Email, Password)).SessionToken!;

        host.Time.Advance(TokenOptions.DefaultSessionIdleTimeout - TimeSpan.FromTicks(1));
        Assert.NotNull(await host.Accounts.ValidateSessionAsync(token));
        host.Time.Advance(TokenOptions.DefaultSessionIdleTimeout);

        Assert.Null(await host.Accounts.ValidateSessionAsync(token));
    }

    [Fact]
    public async Task ValidateSessionAsync_ActiveButPastAbsoluteLifetime_Expires()
    {
        await using var host = FlowHost.Create(o =>
        {
            o.Tokens.SessionIdleTimeout = TimeSpan.FromMinutes(30);
            o.Tokens.SessionAbsoluteLifetime = TimeSpan.FromHours(1);
        });
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.SignInAsync(Email, Password)).SessionToken!;

        host.Time.Advance(TimeSpan.FromMinutes(25));
        Assert.NotNull(await host.Accounts.ValidateSessionAsync(token));
        host.Time.Advance(TimeSpan.FromMinutes(25));
        var late = await host.Accounts.ValidateSessionAsync(token);
        Assert.NotNull(late);
        Assert.Equal(FlowHost.Start + TimeSpan.FromHours(1), late.ExpiresAt);
        host.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await host.Accounts.ValidateSessionAsync(token));
    }

    [Fact]
    public async Task SignOutAsync_EndsOnlyThatSession()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var first = (await host.SignInAsync(Email, Password)).SessionToken!;
        var second = (await host.SignInAsync(Email, Password)).SessionToken!;

        await host.Accounts.SignOutAsync(first);
        await host.Accounts.SignOutAsync(first);

        Assert.Null(await host.Accounts.ValidateSessionAsync(first));
        Assert.NotNull(await host.Accounts.ValidateSessionAsync(second));
    }

    [Fact]
    public async Task ValidateSessionAsync_AfterPasswordReset_EverySessionIsDead()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add((await host.SignInAsync(Email, Password)).SessionToken!);
        }

        var reset = (await host.RequestResetTokenAsync(Email))!;
        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(reset, "brand new passphrase", "brand new passphrase", ClientContext.Unknown))).Succeeded);

        foreach (var session in sessions)
        {
            Assert.Null(await host.Accounts.ValidateSessionAsync(session));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ValidateSessionAsync_UnknownOrMalformedToken_ReturnsNull(string token)
    {
        await using var host = FlowHost.Create();

        Assert.Null(await host.Accounts.ValidateSessionAsync(token));
        await host.Accounts.SignOutAsync(token);
    }
}
