using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.MultiNode;

/// <summary>
/// One application node: its own service provider, connection pool, clock, mailer and work queue — everything a
/// separate process would have — over a database it shares with other nodes. Only the database and the
/// configuration (pepper, options) are common, as in a real farm.
/// </summary>
public sealed class Node : IAsyncDisposable
{
    public const int MaximumFailedAttempts = 5;

    private static readonly string Pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly ServiceProvider _services;

    private Node(ServiceProvider services, FakeTimeProvider time, RecordingAccountMailer mailer, LockoutCounter lockouts)
    {
        _services = services;
        Time = time;
        Mailer = mailer;
        Lockouts = lockouts;
    }

    public IAccountService Accounts => _services.GetRequiredService<IAccountService>();

    public IServiceProvider Services => _services;

    public FakeTimeProvider Time { get; }

    public RecordingAccountMailer Mailer { get; }

    /// <summary>Gets the counter of lockouts that this node's store calls started (shared between nodes when given).</summary>
    public LockoutCounter Lockouts { get; }

    public static Node Create(StoreDatabase database, LockoutCounter? lockouts = null)
    {
        lockouts ??= new LockoutCounter();
        var time = new FakeTimeProvider(TestData.Start);
        var mailer = new RecordingAccountMailer();
        var services = new ServiceCollection();
        database.AddContext(services);
        services.AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Hashing.Peppers["farm1"] = Pepper;
                options.Hashing.CurrentPepperId = "farm1";
                options.Lockout.MaximumFailedAttempts = MaximumFailedAttempts;

                // Queue room for every parallel caller of a test, so each reaches the guard (overflow has its own tests).
                options.SignIn.MaximumQueuedVerifications = 200;
                options.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");

                // The races below send many requests from one client; per-process rate limits are not the subject.
                options.RateLimits.InvalidResetTokensPerClient.PermitLimit = 10_000;
                options.RateLimits.PasswordResetPerAddress.PermitLimit = 10_000;
                options.RateLimits.PasswordResetPerClient.PermitLimit = 10_000;
                options.RateLimits.RegistrationPerClient.PermitLimit = 10_000;
                options.RateLimits.RegistrationPerAddress.PermitLimit = 10_000;
            })
            .UseEntityFrameworkStores<TestDbContext>()
            .UseMailer(mailer)
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(time);

        // Count the lockouts the database reports, across nodes: exactly one caller sees LockedOut per lockout.
        var store = services.Single(d => d.ServiceType == typeof(IAccountStore));
        services.Remove(store);
        services.AddSingleton<IAccountStore>(sp => new LockoutCountingStore((IAccountStore)store.ImplementationFactory!(sp), lockouts));

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new Node(provider, time, mailer, lockouts);
    }

    /// <summary>Waits until this node has sent the mail it queued.</summary>
    public Task WhenMailSentAsync() => BackgroundWork.WhenIdleAsync(_services);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
