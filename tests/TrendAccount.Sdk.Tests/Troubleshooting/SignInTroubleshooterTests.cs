
namespace TrendAccount.Sdk.Tests.Troubleshooting;

public sealed class SignInTroubleshooterTests
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";

    private static TroubleshootingStepCode[] Codes(TroubleshootingReport report) => report.Steps.Select(s => s.Code).ToArray();

    [Fact]
    public async Task DiagnoseAsync_WrongInformation_RetypeThenRecoverEmailThenResetPassword()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email });

        Assert.Equal(
            [TroubleshootingStepCode.RetypeCredentials, TroubleshootingStepCode.RecoverEmailBySerial, TroubleshootingStepCode.ResetPassword],
            Codes(report));
        Assert.False(report.NeedsTechnicalSupport);
        Assert.Equal("Retype your email address and your password. Ensure there are no extra spaces or duplicate characters.", report.Steps[0].Instructions);
        Assert.Contains("Check Now", report.Steps[1].Instructions, StringComparison.Ordinal);
        Assert.Contains("Retrieve", report.Steps[2].Instructions, StringComparison.Ordinal);
        Assert.Contains("change your password now", report.Steps[2].Instructions, StringComparison.Ordinal);
        Assert.Contains("between 8 and 50 characters", report.Steps[2].Instructions, StringComparison.Ordinal);
        Assert.Equal("Forgot which address you used before?", report.Steps[1].Title);
    }

    [Fact]
    public async Task DiagnoseAsync_EmailWithExtraSpaces_RetypeStepMentionsTheSpaces()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = "  john@example.com " });

        Assert.True(report.Hints.HasFlag(InputHints.SurroundingWhitespace));
        Assert.Contains("extra spaces", report.Steps[0].Instructions[TrendAccountMessages.Default.RetypeCredentials.Length..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnoseAsync_ForgotPasswordOnly_RetypeThenReset()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email, ForgotPassword = true });

        Assert.Equal([TroubleshootingStepCode.RetypeCredentials, TroubleshootingStepCode.ResetPassword], Codes(report));
    }

    [Fact]
    public async Task DiagnoseAsync_ResellerSerial_OnlyContactTheReseller()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email, Serial = "tabc-1234-5678-9012-3456", ForgotPassword = true });

        var step = Assert.Single(report.Steps);
        Assert.Equal(TroubleshootingStepCode.ContactReseller, step.Code);
        Assert.Equal(PurchaseChannel.Reseller, report.Channel);
        Assert.Contains("Best Buy or your Internet Service Provider (ISP)", step.Instructions, StringComparison.Ordinal);
        Assert.Equal("You purchased the program from Best Buy or ISP", step.Title);
    }

    [Fact]
    public async Task DiagnoseAsync_SerialNotActivated_InstallAndActivateFirst()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Serial = Serial });

        var step = Assert.Single(report.Steps);
        Assert.Equal(TroubleshootingStepCode.InstallAndActivate, step.Code);
        Assert.Equal(TrendAccountMessages.Default.NotActivated, step.Instructions);
    }

    [Fact]
    public async Task DiagnoseAsync_ActivatedButNotRegistered_CreateTheAccount()
    {
        await using var host = FlowHost.Create();
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial));

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Serial = Serial });

        Assert.Equal([TroubleshootingStepCode.CreateAccount], Codes(report));
    }

    [Fact]
    public async Task DiagnoseAsync_MalformedSerial_RetypeTheSerialFirst()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Serial = "PQRS-12" });

        Assert.Equal(TroubleshootingStepCode.RetypeSerial, report.Steps[0].Code);
    }

    [Fact]
    public async Task DiagnoseAsync_ChangedEmailAndForgotPassword_TechnicalSupportWithSupportCase()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest
        {
            Email = "new-address@example.org",
            Serial = Serial,
            ForgotPassword = true,
            ChangedEmailAddress = true,
        });

        Assert.Equal([TroubleshootingStepCode.RetypeCredentials, TroubleshootingStepCode.ContactTechnicalSupport], Codes(report));
        Assert.True(report.NeedsTechnicalSupport);
        var supportCase = report.SupportCase!;
        Assert.Equal(Serial, supportCase.Serial);
        Assert.Equal("j***n@e*****e.com", supportCase.MaskedEmail);
        Assert.Contains("already changed the email address", supportCase.Reason, StringComparison.Ordinal);
        Assert.Contains(Serial, supportCase.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, supportCase.Text, StringComparison.Ordinal);
        Assert.Contains("contact our Technical Support", report.Steps[1].Instructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnoseAsync_NoAccessToOldMailbox_TechnicalSupportAndResetCountsAsImpossible()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email, ForgotPassword = true, NoAccessToMailbox = true });

        Assert.False(report.Recommends(TroubleshootingStepCode.ResetPassword));
        Assert.True(report.Recommends(TroubleshootingStepCode.ContactTechnicalSupport));
        Assert.Contains(TroubleshootingStepCode.ResetPassword, report.SupportCase!.Tried);
        Assert.Equal("j***n@e*****e.com", report.SupportCase.MaskedEmail);
        Assert.Null(report.SupportCase.Serial);
    }

    [Fact]
    public async Task DiagnoseAsync_EverySelfServiceStepTried_TechnicalSupport()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest
        {
            Email = Email,
            AlreadyTried = [TroubleshootingStepCode.RetypeCredentials, TroubleshootingStepCode.RecoverEmailBySerial, TroubleshootingStepCode.ResetPassword],
        });

        Assert.Equal([TroubleshootingStepCode.ContactTechnicalSupport], Codes(report));
        Assert.Equal(3, report.SupportCase!.Tried.Count);
    }

    [Fact]
    public async Task DiagnoseAsync_ExistingAndUnknownAddress_GiveTheSameReport()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync(Serial, Email, Password);

        var existing = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email, ForgotPassword = true });
        var unknown = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = "nobody@example.com", ForgotPassword = true });

        Assert.Equal(Codes(existing), Codes(unknown));
        Assert.Equal(existing.Steps.Select(s => s.Instructions), unknown.Steps.Select(s => s.Instructions));
    }

    [Fact]
    public async Task DiagnoseAsync_CustomMessages_AreUsedForStepWording()
    {
        await using var host = FlowHost.Create(build: b => b.UseMessages<GermanMessages>());

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email });

        Assert.Equal("Geben Sie E-Mail-Adresse und Kennwort erneut ein.", report.Steps[0].Instructions);
    }

    private sealed class GermanMessages : TrendAccountMessages
    {
        public override string RetypeCredentials => "Geben Sie E-Mail-Adresse und Kennwort erneut ein.";
    }
}
