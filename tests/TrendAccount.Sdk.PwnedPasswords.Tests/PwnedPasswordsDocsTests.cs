using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

/// <summary>The registration code of docs/password-policy.md ("Breached passwords") and the package README, compiled and run.</summary>
public sealed class PwnedPasswordsDocsTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["TrendAccount:Hashing:WorkFactor"] = "4",
        ["TrendAccount:Hashing:AllowInsecureWorkFactorForTesting"] = "true",
        ["TrendAccount:Recovery:ResetLinkBaseUrl"] = "https://account.example.com/reset-password?token=",
        ["TrendAccount:Recovery:RegistrationLinkBaseUrl"] = "https://account.example.com/confirm-registration?token=",
        ["TrendAccount:PwnedPasswords:Timeout"] = "00:00:02",
        ["TrendAccount:PwnedPasswords:FailureMode"] = "FailClosed",
        ["TrendAccount:PwnedPasswords:MinimumCount"] = "1",
    }).Build();

    [Fact]
    public void PasswordPolicyDoc_CodeSnippet_RegistersThePwnedPasswordsScreen()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration;

        // docs/password-policy.md, "Breached passwords" (and the package README)
        services.AddTrendAccount(configuration.GetSection(TrendAccountOptions.SectionName))
            .UseInMemoryStores()
            .UseMailer<RecordingAccountMailer>()
            .UsePwnedPasswords(options =>
            {
                options.Timeout = TimeSpan.FromSeconds(2);                  // the longest a customer waits for the check
                options.FailureMode = PwnedPasswordsFailureMode.FailOpen;   // the default; see "Choosing a failure mode"
            });

        using var provider = services.BuildServiceProvider();
        Assert.IsType<PwnedPasswordsBreachScreen>(provider.GetRequiredService<IBreachedPasswordScreen>());
        Assert.Equal(new Uri("https://api.pwnedpasswords.com/"), provider.GetRequiredService<IOptions<PwnedPasswordsOptions>>().Value.BaseUrl);
    }

    [Fact]
    public void PasswordPolicyDoc_ConfigurationSnippet_BindsTheSection()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration;

        services.AddTrendAccount(configuration.GetSection(TrendAccountOptions.SectionName))
            .UsePwnedPasswords(configuration.GetSection(PwnedPasswordsOptions.SectionName));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<PwnedPasswordsOptions>>().Value;
        Assert.Equal(PwnedPasswordsFailureMode.FailClosed, options.FailureMode);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
    }

    [Fact]
    public void PasswordPolicyDoc_OfflineSnippet_ScreensFromTheFolder()
    {
        using var folder = new OfflineRangeFolder();
        var services = new ServiceCollection().AddLogging();

        // docs/password-policy.md, "Offline, for hosts that may not call out" (with the test's folder)
        services.AddTrendAccount()
            .UsePwnedPasswords(options => options.OfflineDirectory = folder.Path);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(folder.Path, provider.GetRequiredService<IOptions<PwnedPasswordsOptions>>().Value.OfflineDirectory);
        Assert.IsType<PwnedPasswordsBreachScreen>(provider.GetRequiredService<IBreachedPasswordScreen>());
    }
}
