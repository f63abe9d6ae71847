using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.DependencyInjection;

public sealed class TrendAccountServiceCollectionExtensionsTests
{
    private static readonly Uri ResetBase = new("https://accounts.example.com/reset?token=");

    private static ServiceCollection Complete(Action<TrendAccountOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = 4;
                o.Hashing.AllowInsecureWorkFactorForTesting = true;
                o.Recovery.ResetLinkBaseUrl = ResetBase;
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                configure?.Invoke(o);
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        return services;
    }

    [Fact]
    public void AddTrendAccount_RegistersTheDefaults()
    {
        using var provider = Complete().BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<BcryptPasswordHasher>(provider.GetRequiredService<IPasswordHasher>());
        Assert.NotNull(provider.GetRequiredService<PasswordPolicy>());
        Assert.NotNull(provider.GetRequiredService<SerialClassifier>());
        Assert.NotNull(provider.GetRequiredService<CredentialNormalizer>());
        Assert.Same(TrendAccountMessages.Default, provider.GetRequiredService<TrendAccountMessages>());
        Assert.NotNull(provider.GetRequiredService<IAccountService>());
        Assert.NotNull(provider.GetRequiredService<SignInTroubleshooter>());
        Assert.NotNull(provider.GetRequiredService<AccountWorkQueue>());
    }

    [Fact]
    public void AddTrendAccount_OptionGroups_ResolveFromTheRootOptions()
    {
        using var provider = Complete(o => o.Password.MinimumLength = 10).BuildServiceProvider();
        var root = provider.GetRequiredService<IOptions<TrendAccountOptions>>().Value;

        Assert.Same(root.Password, provider.GetRequiredService<IOptions<PasswordOptions>>().Value);
        Assert.Same(root.Hashing, provider.GetRequiredService<IOptions<HashingOptions>>().Value);
        Assert.Same(root.Lockout, provider.GetRequiredService<IOptions<LockoutOptions>>().Value);
        Assert.Same(root.Tokens, provider.GetRequiredService<IOptions<TokenOptions>>().Value);
        Assert.Same(root.Serials, provider.GetRequiredService<IOptions<SerialOptions>>().Value);
        Assert.Same(root.Recovery, provider.GetRequiredService<IOptions<RecoveryOptions>>().Value);
        Assert.Same(root.RateLimits, provider.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        Assert.True(provider.GetRequiredService<PasswordPolicy>().Validate("mq4Vz-Lp9").Has(PasswordProblem.TooShort));
    }

    [Fact]
    public void AddTrendAccount_DoesNotRegisterStoresMailerOrCaptcha()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IAccountStore));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(ITokenStore));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IAccountMailer));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(ICaptchaVerifier));
    }

    [Fact]
    public async Task AddTrendAccount_Twice_IsHarmless()
    {
        var services = Complete();
        services.AddTrendAccount(o => o.Lockout.MaximumFailedAttempts = 7);

        Assert.Single(services, d => d.ServiceType == typeof(IAccountService));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TrendAccountOptions>));
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<TrendAccountOptions>>().Value;
        Assert.Equal(4, options.Hashing.WorkFactor);
        Assert.Equal(7, options.Lockout.MaximumFailedAttempts);
        Assert.NotNull(provider.GetRequiredService<IAccountService>());
    }

    [Fact]
    public void AddTrendAccount_KeepsServicesTheHostRegisteredFirst()
    {
        var services = new ServiceCollection();
        var time = new FakeTimeProvider();
        var hasher = new NullHasher();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IPasswordHasher>(hasher);
        services.AddTrendAccount();

        using var provider = services.BuildServiceProvider();
        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Same(hasher, provider.GetRequiredService<IPasswordHasher>());
    }

    [Fact]
    public void UseMethods_ReplaceEarlierRegistrations_LastWins()
    {
        var first = new RecordingAccountMailer();
        var second = new RecordingAccountMailer();
        var captcha = new TestCaptchaVerifier("other");
        var services = Complete();
        var builder = services.AddTrendAccount()
            .UseMailer(first)
            .UseMailer(second)
            .UseCaptchaVerifier<TestCaptchaVerifier>()
            .UseCaptchaVerifier(captcha)
            .UseMessages<ShoutingMessages>()
            .UsePasswordBlocklist(new EverythingBlocked())
            .UseInMemoryStores();

        Assert.Same(services, builder.Services);
        Assert.Single(services, d => d.ServiceType == typeof(IAccountMailer));
        Assert.Single(services, d => d.ServiceType == typeof(ICaptchaVerifier));
        Assert.Single(services, d => d.ServiceType == typeof(IAccountStore));
        using var provider = services.BuildServiceProvider();
        Assert.Same(second, provider.GetRequiredService<IAccountMailer>());
        Assert.Same(captcha, provider.GetRequiredService<ICaptchaVerifier>());
        Assert.IsType<ShoutingMessages>(provider.GetRequiredService<TrendAccountMessages>());
        Assert.True(provider.GetRequiredService<PasswordPolicy>().Validate("correct horse battery").Has(PasswordProblem.Blocklisted));
        Assert.Same(provider.GetRequiredService<InMemoryAccountStore>(), provider.GetRequiredService<IAccountStore>());
    }

    [Fact]
    public async Task UseMessages_CustomText_ReachesTheFlows()
    {
        var services = Complete();
        services.AddTrendAccount().UseMessages(new ShoutingMessages());
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IAccountService>().SignInAsync(new SignInRequest("nobody@example.com", "whatever password"));

        Assert.Equal("WRONG!", result.Message);
    }

    [Theory]
    [InlineData(typeof(IAccountStore), "UseInMemoryStores()")]
    [InlineData(typeof(ITokenStore), "UseInMemoryStores()")]
    [InlineData(typeof(IAccountMailer), "UseMailer<TMailer>()")]
    [InlineData(typeof(ICaptchaVerifier), "UseCaptchaVerifier<TVerifier>()")]
    public void ResolvingIAccountService_MissingService_FailsWithAMessageNamingTheCall(Type missing, string call)
    {
        var services = Complete();
        services.RemoveAll(missing);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAccountService>());

        Assert.Contains(error.Failures, f => f.Contains(missing.Name, StringComparison.Ordinal) && f.Contains(call, StringComparison.Ordinal));
    }

    [Fact]
    public void ResolvingIAccountService_NoResetLinkBaseUrl_FailsNamingTheSetting()
    {
        var services = Complete(o => o.Recovery.ResetLinkBaseUrl = null);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAccountService>());

        Assert.Contains(error.Failures, f => f.StartsWith("TrendAccount:Recovery:ResetLinkBaseUrl is required", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolvingIAccountService_NoRegistrationLinkBaseUrl_FailsNamingTheSetting()
    {
        var services = Complete(o => o.Recovery.RegistrationLinkBaseUrl = null);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAccountService>());

        Assert.Contains(error.Failures, f => f.StartsWith("TrendAccount:Recovery:RegistrationLinkBaseUrl is required", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolvingIAccountService_HttpRegistrationLinkBaseUrl_FailsNamingTheSetting()
    {
        var services = Complete(o => o.Recovery.RegistrationLinkBaseUrl = new Uri("http://accounts.example.com/confirm?token="));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAccountService>());

        Assert.Contains(error.Failures, f => f.StartsWith("TrendAccount:Recovery:RegistrationLinkBaseUrl", StringComparison.Ordinal) && f.Contains("https", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://accounts.example.com/reset?token=", "TrendAccount:Recovery:ResetLinkBaseUrl")]
    [InlineData(null, "TrendAccount:Hashing:WorkFactor")]
    public void StartupValidation_BadOption_FailsNamingTheSetting(string? resetBase, string setting)
    {
        var services = Complete(o =>
        {
            if (resetBase is null)
            {
                o.Hashing.WorkFactor = 5;
                o.Hashing.AllowInsecureWorkFactorForTesting = false;
            }
            else
            {
                o.Recovery.ResetLinkBaseUrl = new Uri(resetBase);
            }
        });
        using var provider = services.BuildServiceProvider();

        // What a host runs at start-up for ValidateOnStart.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void StartupValidation_CompleteSetup_Passes()
    {
        using var provider = Complete().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task AddTrendAccount_FromConfiguration_BindsEveryGroup()
    {
        const string Json = """
            {
              "TrendAccount": {
                "Password": { "MinimumLength": 10, "MaximumLength": 64, "UseBlocklist": false },
                "Hashing": { "WorkFactor": 4, "AllowInsecureWorkFactorForTesting": true, "CurrentPepperId": "k1",
                             "Peppers": { "k1": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" } },
                "Lockout": { "MaximumFailedAttempts": 3, "Duration": "00:05:00" },
                "Tokens": { "PasswordResetLifetime": "00:20:00", "SessionIdleTimeout": "00:10:00", "SessionAbsoluteLifetime": "02:00:00" },
                "Serials": { "Rules": [ { "Prefix": "TX", "Channel": "Reseller", "Contact": "your ISP" } ] },
                "Recovery": { "ResetLinkBaseUrl": "https://accounts.example.com/reset?token=", "RegistrationLinkBaseUrl": "https://accounts.example.com/confirm?token=", "DiscloseMaskedEmail": false },
                "RateLimits": { "PasswordResetPerAddress": { "PermitLimit": 2, "Window": "00:30:00" } }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection();
        services.AddTrendAccount(configuration.GetSection(TrendAccountOptions.SectionName))
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TrendAccountOptions>>().Value;

        Assert.Equal(10, options.Password.MinimumLength);
        Assert.Equal(64, options.Password.MaximumLength);
        Assert.False(options.Password.UseBlocklist);
        Assert.Equal(4, options.Hashing.WorkFactor);
        Assert.Equal("k1", options.Hashing.CurrentPepperId);
        Assert.Equal("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", options.Hashing.Peppers["k1"]);
        Assert.Equal(3, options.Lockout.MaximumFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Lockout.Duration);
        Assert.Equal(TimeSpan.FromMinutes(20), options.Tokens.PasswordResetLifetime);
        Assert.Equal(TimeSpan.FromHours(2), options.Tokens.SessionAbsoluteLifetime);
        var rule = Assert.Single(options.Serials.Rules);
        Assert.Equal(("TX", PurchaseChannel.Reseller, "your ISP"), (rule.Prefix, rule.Channel, rule.Contact));
        Assert.Equal(new Uri("https://accounts.example.com/reset?token="), options.Recovery.ResetLinkBaseUrl);
        Assert.False(options.Recovery.DiscloseMaskedEmail);
        Assert.Equal(2, options.RateLimits.PasswordResetPerAddress.PermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(30), options.RateLimits.PasswordResetPerAddress.Window);
        Assert.NotNull(provider.GetRequiredService<IAccountService>());
    }

    [Fact]
    public async Task Container_DisposedAsynchronously_LetsQueuedMailFinish()
    {
        var mailer = new RecordingAccountMailer();
        var services = Complete();
        services.AddTrendAccount().UseMailer(mailer);
        var provider = services.BuildServiceProvider();
        var accounts = provider.GetRequiredService<IAccountService>();
        await accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3456"));
        await TestRegistrations.RegisterAndConfirmAsync(
            provider, new RegistrationRequest("PQRS-1234-5678-9012-3456", "john@example.com", "correct horse battery", "correct horse battery", TestCaptchaVerifier.ValidResponse, ClientContext.Unknown));
        mailer.Clear();

        await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest("john@example.com", TestCaptchaVerifier.ValidResponse, ClientContext.Unknown));
        await provider.DisposeAsync();

        Assert.Single(mailer.Messages);
    }

    private sealed class ShoutingMessages : TrendAccountMessages
    {
        public override string WrongInformation => "WRONG!";
    }

    private sealed class EverythingBlocked : IPasswordBlocklist
    {
        public bool Contains(string password) => true;
    }

    private sealed class NullHasher : IPasswordHasher
    {
        public string HashPassword(string password) => "x";

        public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword) => PasswordVerificationResult.Failed;
    }
}
