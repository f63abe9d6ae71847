namespace TrendAccount.Sdk.Tests.Passwords;

/// <summary>Registration, reset and change refuse a password the breach screen knows; sign-in never asks it.</summary>
public sealed class BreachedPasswordFlowTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string OtherSerial = "PQRS-1234-5678-9012-3457";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";
    private const string Leaked = "leaked but long enough";
    private const string Fresh = "a brand new passphrase";

    [Fact]
    public async Task RegisterAsync_BreachedPassword_RefusedWithBreachedAndNoAccountMade()
    {
        var screen = new StubBreachScreen(Leaked);
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        Assert.True((await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, Leaked, Leaked));

        Assert.False(result.Succeeded);
        Assert.Equal(RegistrationStatus.InvalidPassword, result.Status);
        Assert.Equal([PasswordProblem.Breached], result.PasswordProblems);
        Assert.Equal(TrendAccountMessages.Default.BreachedPassword, result.Message);
        Assert.Null(await host.Store.FindByLookupKeyAsync("john@example.com", CancellationToken.None));
        Assert.Equal([Leaked], screen.Screened);
    }

    [Fact]
    public async Task RegisterAsync_BreachedPasswordForAnExistingAddress_AnswersAsForANewAddress()
    {
        // The screen runs before the address is looked up: its answer tells nothing about which addresses exist.
        var screen = new StubBreachScreen(Leaked);
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        await host.RegisterAsync(Serial, Email, Password);
        Assert.True((await host.Accounts.ActivateProductAsync(new ProductActivationRequest(OtherSerial, "TIS-2017"))).Succeeded);
        Assert.True((await host.Accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3458", "TIS-2017"))).Succeeded);

        var existing = await host.Accounts.RegisterAsync(FlowHost.Registration(OtherSerial, Email, Leaked, Leaked));
        var unknown = await host.Accounts.RegisterAsync(FlowHost.Registration("PQRS-1234-5678-9012-3458", "nobody@example.com", Leaked, Leaked));

        Assert.Equal(unknown.Status, existing.Status);
        Assert.Equal(unknown.Message, existing.Message);
        Assert.Equal(unknown.PasswordProblems, existing.PasswordProblems);
        Assert.Equal([PasswordProblem.Breached], existing.PasswordProblems);
    }

    [Fact]
    public async Task RegisterAsync_PolicyProblem_IsReportedWithoutAskingTheScreen()
    {
        var screen = new StubBreachScreen("short");
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        Assert.True((await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);

        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, "short", "short"));

        Assert.Equal([PasswordProblem.TooShort], result.PasswordProblems);
        Assert.Empty(screen.Screened);
    }

    [Fact]
    public async Task ResetPasswordAsync_BreachedPassword_RefusedWithBreachedAndTheLinkKeepsWorking()
    {
        var screen = new StubBreachScreen(Leaked);
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.RequestResetTokenAsync(Email))!;

        var refused = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Leaked, Leaked, ClientContext.Unknown));

        Assert.Equal(ResetPasswordStatus.InvalidPassword, refused.Status);
        Assert.Equal([PasswordProblem.Breached], refused.PasswordProblems);
        Assert.Equal(TrendAccountMessages.Default.BreachedPassword, refused.Message);
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
        Assert.True((await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Fresh, Fresh, ClientContext.Unknown))).Succeeded);
        Assert.True((await host.SignInAsync(Email, Fresh)).Succeeded);
    }

    [Fact]
    public async Task ChangePasswordAsync_BreachedPassword_RefusedWithBreachedAndTheOldPasswordStays()
    {
        var screen = new StubBreachScreen(Leaked);
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        await host.RegisterAsync(Serial, Email, Password);
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;

        var result = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(session, Password, Leaked, Leaked));

        Assert.Equal(ChangePasswordStatus.InvalidPassword, result.Status);
        Assert.Equal([PasswordProblem.Breached], result.PasswordProblems);
        Assert.Equal(TrendAccountMessages.Default.BreachedPassword, result.Message);
        Assert.NotNull(await host.Accounts.ValidateSessionAsync(session));
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
        Assert.False((await host.SignInAsync(Email, Leaked)).Succeeded);
    }

    [Fact]
    public async Task ResetAndChange_ScreenFailsClosed_RefusedWithBreachCheckUnavailable()
    {
        var screen = new StubBreachScreen();
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        await host.RegisterAsync(Serial, Email, Password);
        var token = (await host.RequestResetTokenAsync(Email))!;
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        screen.Unavailable = true;

        var reset = await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Fresh, Fresh, ClientContext.Unknown));
        var change = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(session, Password, Fresh, Fresh));

        Assert.Equal([PasswordProblem.BreachCheckUnavailable], reset.PasswordProblems);
        Assert.Equal([PasswordProblem.BreachCheckUnavailable], change.PasswordProblems);
        Assert.Equal(TrendAccountMessages.Default.BreachCheckUnavailable, reset.Message);
        Assert.True((await host.SignInAsync(Email, Password)).Succeeded);
    }

    [Fact]
    public async Task SignInAsync_EvenWithABreachedPassword_NeverAsksTheScreen()
    {
        // A password set before screening began (or one leaked since) still signs in: refusing it at sign-in would
        // lock the owner out; it is refused only when chosen again.
        var screen = new StubBreachScreen();
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        await host.RegisterAsync(Serial, Email, Leaked);
        var calls = screen.Screened.Count;

        var signedIn = await host.SignInAsync(Email, Leaked);
        var wrong = await host.SignInAsync(Email, "not the password at all");
        var unknown = await host.SignInAsync("nobody@example.com", Leaked);

        Assert.True(signedIn.Succeeded);
        Assert.False(wrong.Succeeded);
        Assert.False(unknown.Succeeded);
        Assert.Equal(1, calls);
        Assert.Equal(calls, screen.Screened.Count);
    }

    [Fact]
    public async Task NewPassword_NonAsciiForm_IsScreenedInTheNfkcFormTheSdkHashes()
    {
        var screen = new StubBreachScreen("trendacc99");
        await using var host = FlowHost.Create(build: b => b.UseBreachedPasswordScreen(screen));
        Assert.True((await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);

        // Full-width letters and digits, as an IME types them; NFKC folds them to "trendacc99".
        var result = await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, "ｔｒｅｎｄａｃｃ９９", "ｔｒｅｎｄａｃｃ９９"));

        Assert.Equal(["trendacc99"], screen.Screened);
        Assert.Equal([PasswordProblem.Breached], result.PasswordProblems);
    }
}
