namespace TrendAccount.Sdk.Tests.Registration;

public sealed class RegistrationTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    [Fact]
    public async Task RegisterAsync_ActivatedSerial_CreatesAccountLinkedToSerial()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, " John@Example.com", Password, Password));

        Assert.True(result.Succeeded);
        Assert.Equal(RegistrationStatus.Succeeded, result.Status);
        Assert.Equal(TrendAccountMessages.Default.Registered, result.Message);
        Assert.True(result.Hints.HasFlag(InputHints.SurroundingWhitespace));
        var account = await host.AccountAsync(Email);
        Assert.Equal(result.AccountId, account.Id);
        Assert.Equal(FlowHost.Start, account.CreatedAt);
        Assert.Equal(account.Id, (await host.Store.FindSerialAsync(Serial, CancellationToken.None))!.AccountId);
        Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_MalformedSerial_RefusedWithItsOwnStatus()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest("PQRS-12", Email, Password, Password));

        Assert.Equal(RegistrationStatus.MalformedSerial, result.Status);
        Assert.NotEqual(SerialProblem.None, result.SerialProblem);
        Assert.Equal(TrendAccountMessages.Default.MalformedSerial, result.Message);
    }

    [Fact]
    public async Task RegisterAsync_ResellerSerial_RefusedWithResellerContact()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("TABC-1234-5678-9012-3456"));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest("tabc-1234-5678-9012-3456", Email, Password, Password));

        Assert.Equal(RegistrationStatus.ResellerSerial, result.Status);
        Assert.Equal(SerialOptions.DefaultResellerContact, result.ResellerContact);
        Assert.Contains("Best Buy or your Internet Service Provider (ISP)", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_SerialNeverActivated_TellsToInstallAndActivateFirst()
    {
        await using var host = FlowHost.Create();

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Password, Password));

        Assert.Equal(RegistrationStatus.SerialNotActivated, result.Status);
        Assert.StartsWith("You must first install, then activate", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_InvalidEmail_RefusedWithProblemAndHints()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, "john@@example.com", Password, Password));

        Assert.Equal(RegistrationStatus.InvalidEmail, result.Status);
        Assert.NotEqual(EmailProblem.None, result.EmailProblem);
        Assert.Equal(TrendAccountMessages.Default.DescribeEmailProblem(result.EmailProblem), result.Message);
    }

    [Fact]
    public async Task RegisterAsync_BadPassword_ReportsEveryProblemAtOnce()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, "short", "shorter"));

        Assert.Equal(RegistrationStatus.InvalidPassword, result.Status);
        Assert.Contains(PasswordProblem.TooShort, result.PasswordProblems);
        Assert.Contains(PasswordProblem.ConfirmationMismatch, result.PasswordProblems);
        Assert.Contains("between 8 and 50 characters", result.Message, StringComparison.Ordinal);
        Assert.Contains("Confirm new password", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_PasswordIsTheEmailAddress_Refused()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, Email, Email, Email));

        Assert.Contains(PasswordProblem.ContainsAccountDetails, result.PasswordProblems);
    }

    [Fact]
    public async Task RegisterAsync_SerialAlreadyRegistered_SaysSo()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest(Serial, "other@example.com", Password, Password));

        Assert.Equal(RegistrationStatus.SerialAlreadyRegistered, result.Status);
        Assert.Equal(TrendAccountMessages.Default.SerialAlreadyRegistered, result.Message);
        Assert.Equal(1, host.Store.AccountCount);
    }

    [Fact]
    public async Task RegisterAsync_ExistingAddressWithItsPassword_LinksTheSecondSerial()
    {
        await using var host = FlowHost.Create();
        var first = await host.RegisterAsync(Serial, Email, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("WXYZ-1234-5678-9012-3456"));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest("WXYZ-1234-5678-9012-3456", Email, Password, Password));

        Assert.True(result.Succeeded);
        Assert.Equal(RegistrationStatus.LinkedToExistingAccount, result.Status);
        Assert.Equal(first.AccountId, result.AccountId);
        Assert.Equal(1, host.Store.AccountCount);
        Assert.Equal(2, (await host.Store.FindSerialsByAccountAsync(first.AccountId!.Value, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RegisterAsync_ExistingAddressWithAnotherPassword_FailsGenericallyAndLinksNothing()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("WXYZ-1234-5678-9012-3456"));

        var result = await host.Accounts.RegisterAsync(new RegistrationRequest("WXYZ-1234-5678-9012-3456", Email, "another good passphrase", "another good passphrase"));

        Assert.False(result.Succeeded);
        Assert.Equal(RegistrationStatus.Failed, result.Status);
        Assert.Equal(TrendAccountMessages.Default.RegistrationFailed, result.Message);
        Assert.Null(result.AccountId);
        Assert.Null((await host.Store.FindSerialAsync("WXYZ-1234-5678-9012-3456", CancellationToken.None))!.AccountId);
        Assert.Equal(1, (await host.AccountAsync(Email)).FailedSignInCount);
    }

    [Fact]
    public void RegisterAsync_GenericFailureText_SaysNothingAboutWhetherTheAddressExists()
    {
        var text = TrendAccountMessages.Default.RegistrationFailed;

        Assert.DoesNotContain("already exists", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("is taken", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("in use", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RegisterAsync_SameAddressInParallelWithDifferentSerials_CreatesExactlyOneAccount()
    {
        await using var host = FlowHost.Create();
        var serials = Enumerable.Range(0, 20).Select(i => $"PQRS-1234-5678-9012-{i:D4}").ToArray();
        foreach (var serial in serials)
        {
            await host.Accounts.ActivateProductAsync(new ProductActivationRequest(serial));
        }

        var results = await Task.WhenAll(serials.Select((serial, i) => Task.Run(() =>
            host.Accounts.RegisterAsync(new RegistrationRequest(serial, Email, $"passphrase number {i}", $"passphrase number {i}")))));

        Assert.Single(results, r => r.Status == RegistrationStatus.Succeeded);
        Assert.All(results.Where(r => r.Status != RegistrationStatus.Succeeded), r => Assert.Equal(RegistrationStatus.Failed, r.Status));
        Assert.Equal(1, host.Store.AccountCount);
    }
}
