using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.DependencyInjection;

/// <summary>The code of docs/getting-started.md, kept compiling and running here.</summary>
public sealed class GettingStartedTests
{
    [Fact]
    public async Task GettingStarted_SnippetFromTheDocs_SignsInWithTheDefaults()
    {
        // --- docs/getting-started.md, first snippet (work factor lowered for the test) ---
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTrendAccount(options =>
            {
                // The page that shows "New password" / "Confirm new password"; the token is appended.
                options.Recovery.ResetLinkBaseUrl = new Uri("https://account.example.com/reset-password?token=");
                // The page that confirms a registration (it calls ConfirmRegistrationAsync); the token is appended.
                options.Recovery.RegistrationLinkBaseUrl = new Uri("https://account.example.com/confirm-registration?token=");
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
            })
            .UseInMemoryStores()                      // many nodes: UseEntityFrameworkStores<TContext>()
            .UseMailer(new RecordingAccountMailer())  // production: UseSmtpMailer(...) from TrendAccount.Sdk.MailKit
            .UseCaptchaVerifier<MyCaptchaVerifier>(); // your captcha provider behind ICaptchaVerifier

        await using var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<IAccountService>();
        await accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3456"));
        await TestRegistrations.RegisterAndConfirmAsync(
            provider, new RegistrationRequest("PQRS-1234-5678-9012-3456", "john@example.com", "Blue-Falcon-1987", "Blue-Falcon-1987", "solved", ClientContext.Unknown));

        var result = await accounts.SignInAsync(new SignInRequest("  john@example.com ", "Blue-Falcon-1987"));
        // --- end of snippet ---

        Assert.True(result.Succeeded);
        Assert.NotNull(await accounts.ValidateSessionAsync(result.SessionToken!));
        Assert.Equal("What you typed had extra spaces.", TrendAccountMessages.Default.DescribeHints(result.Hints));
    }

    private sealed class MyCaptchaVerifier : ICaptchaVerifier
    {
        public ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken) =>
            ValueTask.FromResult(response == "solved");
    }
}
