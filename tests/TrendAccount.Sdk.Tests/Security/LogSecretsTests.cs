using TrendAccount.Sdk.Testing;
using System.Security.Cryptography;

namespace TrendAccount.Sdk.Tests.Security;

/// <summary>Captures every log line of every flow and searches it for the secrets used.</summary>
public sealed class LogSecretsTests
{
    [Fact]
    public async Task AllFlows_LogOutput_HoldsNoPasswordTokenHashPepperOrFullEmail()
    {
        var pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var host = FlowHost.Create(o =>
        {
            o.Hashing.Peppers["k1"] = pepper;
            o.Hashing.CurrentPepperId = "k1";
        });
        const string Serial = "PQRS-1234-5678-9012-3456";
        const string Email = "john.secret@example.com";
        const string Password = "first secret passphrase";
        const string Wrong = "wrong secret passphrase";
        const string Reset = "second secret passphrase";
        const string Changed = "third secret passphrase";
        var secrets = new List<string> { Password, Wrong, Reset, Changed, pepper, Email };

        await host.Accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"));
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("TABC-1234-5678-9012-3456"));
        await host.Accounts.RegisterAsync(FlowHost.Registration(Serial, Email, "short"));
        await TestRegistrations.RegisterAndConfirmAsync(host.Provider, FlowHost.Registration(Serial, Email, Password));
        secrets.Add((await host.AccountAsync(Email)).PasswordHash);
        await host.Accounts.ActivateProductAsync(new ProductActivationRequest("WXYZ-1234-5678-9012-3456"));
        await host.Accounts.RegisterAsync(FlowHost.Registration("WXYZ-1234-5678-9012-3456", Email, Wrong));
        await host.Work.WhenIdleAsync();
        var session = (await host.SignInAsync(Email, Password)).SessionToken!;
        secrets.Add(session);
        await host.SignInAsync(Email, Wrong);
        await host.SignInAsync("nobody@example.com", Wrong);
        await host.Accounts.ValidateSessionAsync(session);
        await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, FlowHost.Captcha, ClientContext.Unknown));
        await host.Accounts.RecoverEmailAsync(new EmailRecoveryRequest(Serial, "bad captcha", ClientContext.Unknown));
        var token = (await host.RequestResetTokenAsync(Email))!;
        secrets.Add(token);
        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "short", "short", ClientContext.Unknown));
        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Reset, Reset, ClientContext.Unknown));
        await host.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Reset, Reset, ClientContext.Unknown));
        secrets.Add((await host.AccountAsync(Email)).PasswordHash);
        var second = (await host.SignInAsync(Email, Reset)).SessionToken!;
        secrets.Add(second);
        var change = await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(second, Reset, Changed, Changed));
        secrets.Add(change.SessionToken!);
        secrets.Add((await host.AccountAsync(Email)).PasswordHash);
        await host.Accounts.ChangePasswordAsync(new ChangePasswordRequest(change.SessionToken, Wrong, Changed, Changed));
        for (var i = 0; i < 6; i++)
        {
            await host.SignInAsync(Email, Wrong);
        }

        await host.Accounts.SignOutAsync(change.SessionToken!);
        await host.Troubleshooter.DiagnoseAsync(new TroubleshootingRequest { Email = Email, Serial = Serial, NoAccessToMailbox = true });
        await host.Work.WhenIdleAsync();

        var records = host.Logs.GetSnapshot();
        Assert.True(records.Count > 30, $"expected a log line per outcome, got {records.Count}");
        var everything = string.Join(
            "\n",
            records.Select(r => string.Join(
                " | ",
                r.Message,
                r.Exception?.ToString(),
                string.Join(";", r.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? []))));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(SecureTokens.TryComputeDigest(token)!, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Serial, everything, StringComparison.Ordinal);
        Assert.Contains("j***t@e*****e.com", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryOutcome_HasAStableEventId()
    {
        await using var host = FlowHost.Create();
        await host.RegisterAsync("PQRS-1234-5678-9012-3456", "john@example.com", "first secret passphrase");
        await host.SignInAsync("john@example.com", "wrong");
        await host.SignInAsync("john@example.com", "first secret passphrase");
        await host.Work.WhenIdleAsync();

        var records = host.Logs.GetSnapshot().Where(r => r.Category?.StartsWith("TrendAccount.Sdk", StringComparison.Ordinal) == true).ToArray();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.InRange(r.Id.Id, 1000, 1999));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Id.Name)));
        Assert.Contains(records, r => r.Id is { Id: 1201, Name: "SignInFailed" });
        Assert.Contains(records, r => r.Id is { Id: 1200, Name: "SignInSucceeded" });
    }
}
