using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>
/// The minimal-API sample (docs/aspnetcore.md) under <see cref="WebApplicationFactory{TEntryPoint}"/>: bcrypt cost 4,
/// a <see cref="FakeTimeProvider"/>, a mailer the test can await, and optionally stores shared with another node.
/// </summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    public const string SeedSerial = "PQRS-1234-5678-9012-3456";
    public const string Email = "john@example.com";
    public const string Password = "Blue-Falcon-1987";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private readonly string _environment;

    public SiteFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, SharedStores? stores = null, FakeTimeProvider? time = null, string environment = "Testing")
    {
        _environment = environment;
        _settings = settings ?? [];
        _services = services;
        Stores = stores ?? new SharedStores();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Gets the test account's id, after <see cref="WithAccountAsync"/>.</summary>
    public Guid AccountId { get; private set; }

    public SharedStores Stores { get; }

    /// <summary>Gets or sets the connection's remote address (a proxy, in the forwarded-header tests).</summary>
    public IPAddress? RemoteAddress { get; set; }

    public IAccountService Accounts => Services.GetRequiredService<IAccountService>();

    public TestBrowser CreateBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = false,
    }));

    /// <summary>Activates the seed serial and writes the test account for it straight into the store (set-up, not a journey).</summary>
    public async Task<SiteFactory> WithAccountAsync()
    {
        var activation = await Accounts.ActivateProductAsync(new ProductActivationRequest(SeedSerial));
        Assert.True(activation.Succeeded, activation.Message);
        var normalized = CredentialNormalizer.Default.NormalizeEmail(Email);
        var account = new AccountRecord
        {
            Id = Guid.NewGuid(),
            Email = normalized.Email!,
            LookupKey = normalized.LookupKey!,
            PasswordHash = Services.GetRequiredService<IPasswordHasher>().HashPassword(Password),
            SecurityStamp = AccountRecord.NewSecurityStamp(),
            CreatedAt = Time.GetUtcNow(),
        };
        Assert.Equal(StoreWriteStatus.Succeeded, await Stores.Accounts.CreateWithSerialAsync(account, activation.Serial!, account.CreatedAt, CancellationToken.None));
        AccountId = account.Id;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("TrendAccount:Hashing:WorkFactor", "4");
        builder.UseSetting("TrendAccount:Hashing:AllowInsecureWorkFactorForTesting", "true");
        builder.UseSetting("TrendAccount:Recovery:ResetLinkBaseUrl", "https://localhost/reset-password?token=");
        builder.UseSetting("TrendAccount:Recovery:RegistrationLinkBaseUrl", "https://localhost/ConfirmRegistration?token=");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IAccountStore>();
            services.RemoveAll<ITokenStore>();
            services.AddSingleton<IAccountStore>(Stores.Accounts);
            services.AddSingleton<ITokenStore>(Stores.Tokens);
            services.RemoveAll<ICaptchaVerifier>();
            services.AddSingleton<ICaptchaVerifier>(new TestCaptchaVerifier());
            services.RemoveAll<IAccountMailer>();
            services.AddSingleton<IAccountMailer>(Stores.Mailer);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressStartupFilter(() => RemoteAddress));
            _services?.Invoke(services);
        });
    }
}

/// <summary>Stores (and the mailer) that two <see cref="SiteFactory"/> nodes share, as two hosts share one database.</summary>
public sealed class SharedStores
{
    public InMemoryAccountStore Accounts { get; } = new();

    public InMemoryTokenStore Tokens { get; } = new();

    public AwaitableMailer Mailer { get; } = new();
}
