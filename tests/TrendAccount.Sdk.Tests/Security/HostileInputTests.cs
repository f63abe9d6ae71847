using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.Security;

/// <summary>Every IAccountService method (and the troubleshooter) fed hostile strings returns a result and never throws.</summary>
public sealed class HostileInputTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    private static readonly string?[] Inputs =
    [
        null,
        string.Empty,
        new string('a', 1 << 20),
        new string('é', 1 << 19) + "@example.com",
        "\0\u0001\u0007\u001b[31m\r\n\t\u007f",
        "\uD800",
        "abc\uDC00def\uD83D",
        "\uFEFF\u200B\u202Ejohn@example.com\u2060",
        "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ",
        "<script>alert(1)</script>@example.com",
        "'; DROP TABLE trend_accounts; --",
        "TABC-1234-5678-9012-3456\0",
        "../../etc/passwd%00",
        "\uFFFF\uFFFE\U0010FFFF",
    ];

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Inputs.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryMethod_HostileStrings_ReturnsAResultAndNeverThrows(int index)
    {
        var s = Inputs[index];
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        var token = (await host.RequestResetTokenAsync(Email))!;
        var client = new ClientContext(s, s);
        var accounts = host.Accounts;

        AssertResult((await accounts.ActivateProductAsync(new ProductActivationRequest(s, s))).Message);
        AssertResult((await accounts.ActivateProductAsync(new ProductActivationRequest(Serial, s))).Message);
        AssertResult((await accounts.RegisterAsync(new RegistrationRequest(s, s, s, s, s, client))).Message);
        AssertResult((await accounts.RegisterAsync(new RegistrationRequest(Serial, s, s, s, TestCaptchaVerifier.ValidResponse, client))).Message);
        AssertResult((await accounts.RegisterAsync(new RegistrationRequest("WXYZ-1234-5678-9012-3456", Email, s, s, TestCaptchaVerifier.ValidResponse, client))).Message);
        AssertResult((await accounts.SignInAsync(new SignInRequest(s, s))).Message);
        AssertResult((await accounts.SignInAsync(new SignInRequest(Email, s))).Message);
        AssertResult((await accounts.SignInAsync(new SignInRequest(s, Password))).Message);
        AssertResult((await accounts.RecoverEmailAsync(new EmailRecoveryRequest(s, s, client))).Message);
        AssertResult((await accounts.RecoverEmailAsync(new EmailRecoveryRequest(s, TestCaptchaVerifier.ValidResponse, client))).Message);
        AssertResult((await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(s, s, client))).Message);
        AssertResult((await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(s, TestCaptchaVerifier.ValidResponse, client))).Message);
        AssertResult((await accounts.ResetPasswordAsync(new ResetPasswordRequest(s, s, s, client))).Message);

        // A hostile address that normalizes to the account's (invisible characters around it) asked for a reset
        // above, and its background work revokes the earlier link whenever it runs: wait for it, use the newest link.
        await host.Work.WhenIdleAsync();
        token = FlowHost.TokenFrom(host.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordReset)!.Link!);
        var reset = await accounts.ResetPasswordAsync(new ResetPasswordRequest(token, s, s, client));
        AssertResult(reset.Message);
        AssertResult((await accounts.ChangePasswordAsync(new ChangePasswordRequest(s, s, s, s))).Message);
        AssertResult((await accounts.ChangePasswordAsync(new ChangePasswordRequest(session, s, s, s))).Message);
        var change = await accounts.ChangePasswordAsync(new ChangePasswordRequest(session, Password, s, s));
        AssertResult(change.Message);
        _ = await accounts.ValidateSessionAsync(s!);
        await accounts.SignOutAsync(s!);
        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = s, Serial = s, ForgotPassword = true });
        Assert.NotEmpty(report.Steps);
        await host.Work.WhenIdleAsync();

        // Some hostile strings are acceptable passwords (8-50 printable characters): then the reset succeeded and
        // the password is that string. Otherwise nothing changed: the original password and session still work.
        if (reset.Succeeded)
        {
            Assert.Equal(ChangePasswordStatus.NotSignedIn, change.Status);
            Assert.True((await host.SignInAsync(Email, s)).Succeeded);
        }
        else
        {
            Assert.False(change.Succeeded);
            Assert.NotNull(await accounts.ValidateSessionAsync(session));
            Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
        }
    }

    private static void AssertResult(string message) => Assert.False(string.IsNullOrWhiteSpace(message));
}
