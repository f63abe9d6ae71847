namespace TrendAccount.Sdk.Tests.Sessions;

public sealed class ChangePasswordTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ChangePasswordAsync_RightCurrentPassword_ChangesItRevokesOtherSessionsAndMails()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var mine = (await host.SignInAsync(Email, Password)).SessionToken!;
        var other = (await host.SignInAsync(Email, Password)).SessionToken!;
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(mine, Password, NewPassword, NewPassword));

        Assert.True(result.Succeeded);
        Assert.Null(await host.Accounts.ValidateSessionAsync(other));
        Assert.Null(await host.Accounts.ValidateSessionAsync(mine));
        var replacement = await host.Accounts.ValidateSessionAsync(result.SessionToken!);
        Assert.NotNull(replacement);
        Assert.Equal(FlowHost.Start, replacement.IssuedAt);
        Assert.True((await host.SignInAsync(Email, NewPassword)).Succeeded);
        Assert.False((await host.SignInAsync(Email, Password)).Succeeded);
        await host.Work.WhenIdleAsync();
        Assert.NotNull(host.Mailer.LastMessageTo(Email, AccountMessageKind.PasswordChanged));
    }

    [Fact]
    public async Task ChangePasswordAsync_WrongCurrentPassword_RefusedAndCountedTowardLockout()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;

        var result = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(session, "not my password", NewPassword, NewPassword));

        Assert.Equal(ChangePasswordStatus.CurrentPasswordIncorrect, result.Status);
        Assert.Equal(1, (await host.AccountAsync(Email)).FailedSignInCount);
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
    }

    [Fact]
    public async Task ChangePasswordAsync_NewPasswordBreaksPolicy_ReportsAllProblemsAndChangesNothing()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;

        var result = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(session, Password, "short", "other"));

        Assert.Equal(ChangePasswordStatus.InvalidPassword, result.Status);
        Assert.Equal([PasswordProblem.TooShort, PasswordProblem.ConfirmationMismatch], result.PasswordProblems);
        Assert.NotNull(await host.Accounts.ValidateSessionAsync(session));
    }

    [Fact]
    public async Task ChangePasswordAsync_NewPasswordIsTheSerial_Refused()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;

        var result = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(session, Password, Serial, Serial));

        Assert.Contains(PasswordProblem.ContainsAccountDetails, result.PasswordProblems);
    }

    [Fact]
    public async Task ChangePasswordAsync_NoSession_NotSignedIn()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest("nonsense", Password, NewPassword, NewPassword));

        Assert.Equal(ChangePasswordStatus.NotSignedIn, result.Status);
        Assert.Equal(TrendAccountMessages.Default.NotSignedIn, result.Message);
    }
}
