using Microsoft.Extensions.DependencyInjection;

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
    public async Task DiagnoseAsync_FiftyCalls_RevealNoAddressAndTheSameAnswerForEverySerialState()
    {
        // Issue #11 item 4: on the old code 50 of 50 calls returned the registered address masked (no captcha, no
        // limit), and unknown, activated-unregistered and registered serials got different steps.
        await using var host = FlowHost.Create(build: SpyAccountStore.Install);
        const string Activated = "PQRS-1234-5678-9012-0001";
        const string Unknown = "PQRS-1234-5678-9012-0002";
        await host.RegisterAsync(Serial, Email, Password);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Activated));
        var spy = (SpyAccountStore)host.Provider.GetRequiredService<IAccountStore>();
        var storeCalls = spy.TotalCalls;
        var flags = new[]
        {
            new TroubleshootingRequest { Serial = Serial },
            new TroubleshootingRequest { Serial = Serial, ForgotEmail = true },
            new TroubleshootingRequest { Serial = Serial, ForgotPassword = true, ChangedEmailAddress = true },
            new TroubleshootingRequest { Serial = Serial, NoAccessToMailbox = true, Email = "someone@example.org" },
            new TroubleshootingRequest { Serial = Serial, AlreadyTried = [TroubleshootingStepCode.RetypeCredentials, TroubleshootingStepCode.RecoverEmailBySerial, TroubleshootingStepCode.ResetPassword] },
        };

        var revealed = 0;
        for (var call = 0; call < 50; call++)
        {
            var shape = flags[call % flags.Length];
            var answers = new List<string>();
            foreach (var serial in new[] { Serial, Activated, Unknown })
            {
                var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest
                {
                    Serial = serial,
                    Email = shape.Email,
                    ForgotEmail = shape.ForgotEmail,
                    ForgotPassword = shape.ForgotPassword,
                    ChangedEmailAddress = shape.ChangedEmailAddress,
                    NoAccessToMailbox = shape.NoAccessToMailbox,
                    AlreadyTried = shape.AlreadyTried,
                });
                var text = Render(report).Replace(serial, "<serial>", StringComparison.Ordinal);
                if (text.Contains("j***n", StringComparison.Ordinal) || text.Contains(Email, StringComparison.Ordinal))
                {
                    revealed++;
                }

                answers.Add(text);
            }

            Assert.Single(answers.Distinct());
        }

        Assert.Equal(0, revealed);
        Assert.Equal(storeCalls, spy.TotalCalls);
    }

    private static string Render(TroubleshootingReport report) =>
        string.Join("|", report.Steps.Select(s => $"{s.Code}:{s.Title}:{s.Instructions}"))
        + $"|{report.Channel}|{report.Hints}|{report.SupportCase?.MaskedEmail}|{report.SupportCase?.Serial}|{report.SupportCase?.Reason}|{report.SupportCase?.Text}";

    [Fact]
    public async Task DiagnoseAsync_VendorSerial_RecoverEmailBySerialTellsTheSerialsState()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Serial = Serial });

        Assert.Equal(
            [TroubleshootingStepCode.RetypeCredentials, TroubleshootingStepCode.RecoverEmailBySerial, TroubleshootingStepCode.ResetPassword],
            Codes(report));
        Assert.Equal(PurchaseChannel.Direct, report.Channel);
    }

    [Fact]
    public async Task DiagnoseAsync_CustomerSaysNotActivated_InstallAndActivateFirst()
    {
        await using var host = FlowHost.Create();

        var report = await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Serial = Serial, NotActivated = true });

        var step = Assert.Single(report.Steps);
        Assert.Equal(TroubleshootingStepCode.InstallAndActivate, step.Code);
        Assert.Equal(TrendAccountMessages.Default.NotActivated, step.Instructions);
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

        // The address typed, masked; never the registered one (that is the forgot-email flow's, behind its captcha).
        Assert.Equal("n***s@e***e.org", supportCase.MaskedEmail);
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
        Assert.Equal("j***n@e***e.com", report.SupportCase.MaskedEmail);
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
