using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;
using TrendAccount.Sdk.Tests.Diagnostics;

namespace TrendAccount.Sdk.Redis.Tests.Infrastructure;

/// <summary>
/// One node of a deployment: a container wired as a host wires the SDK (in-memory stores that may be shared with other
/// nodes, a recording mailer, the test captcha, a fake clock, fake logging, a meter factory of its own) with the Redis
/// attempt counter. bcrypt work factor 4.
/// </summary>
public sealed class Node : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private Node(ServiceProvider provider, FakeTimeProvider time, TestMeterFactory meters)
    {
        Provider = provider;
        Time = time;
        Meters = meters;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public TestMeterFactory Meters { get; }

    public IAccountService Accounts => Provider.GetRequiredService<IAccountService>();

    public IAttemptCounter Counter => Provider.GetRequiredService<IAttemptCounter>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    /// <summary>Gets the log records with an event id.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<FakeLogRecord> Events(int eventId) => Logs.GetSnapshot().Where(r => r.Id.Id == eventId).ToList();

    /// <summary>
    /// Waits until the counter's own Redis connection answers PING again (after a server restart), by the connection's
    /// events: the connection may still hold the dead socket, so a PING that fails waits for the next restore.
    /// </summary>
    /// <returns>A task that completes when it does.</returns>
    public async Task WhenRedisConnectedAsync()
    {
        var connection = await Provider.GetRequiredService<Internal.RedisConnection>().GetAsync();
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(60);
        TaskCompletionSource restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionRestored += (_, _) => Volatile.Read(ref restored).TrySetResult();
        while (true)
        {
            var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref restored, next);
            try
            {
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (StackExchange.Redis.RedisConnectionException)
            {
                await next.Task.WaitAsync(deadline - TimeProvider.System.GetUtcNow());
            }
        }
    }

    /// <summary>Creates a node.</summary>
    /// <param name="redis">Configures the Redis counter, or <see langword="null"/> for the SDK's per-process counter only.</param>
    /// <param name="stores">Stores shared with other nodes, or <see langword="null"/> for the node's own.</param>
    /// <param name="configure">Changes the SDK's options.</param>
    /// <param name="services">Adds more services (health checks).</param>
    /// <returns>The node.</returns>
    public static Node Create(Action<RedisAttemptCounterOptions>? redis, SharedStores? stores = null, Action<TrendAccountOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        return Create(collection, redis, stores, configure);
    }

    private static Node Create(ServiceCollection services, Action<RedisAttemptCounterOptions>? redis, SharedStores? stores, Action<TrendAccountOptions>? configure)
    {
        var time = new FakeTimeProvider(Start);
        var meters = new TestMeterFactory();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(meters);
        var builder = services
            .AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset-password?token=");
                options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                configure?.Invoke(options);
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(time);
        if (stores is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(stores.Accounts));
            services.Replace(ServiceDescriptor.Singleton(stores.Tokens));
        }

        if (redis is not null)
        {
            builder.UseRedisAttemptCounter(redis);
        }

        return new Node(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), time, meters);
    }

    /// <summary>Activates a serial, registers an account with it and confirms it with the mailed link.</summary>
    /// <param name="email">The address.</param>
    /// <param name="password">The password.</param>
    /// <returns>A task that completes when the account exists.</returns>
    public async Task RegisterAsync(string email, string password)
    {
        var hex = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var serial = $"A{hex[1..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}";
        var activation = await Accounts.ActivateProductAsync(new ProductActivationRequest(serial, "TIS-2017"));
        Assert.True(activation.Succeeded, activation.Message);
        var confirmed = await TestRegistrations.RegisterAndConfirmAsync(
            Provider, new RegistrationRequest(serial, email, password, password, TestCaptchaVerifier.ValidResponse, new ClientContext("192.0.2.250")));
        Assert.True(confirmed.Succeeded, confirmed.Message);
    }

    public Task<SignInResult> SignInAsync(string email, string password, string ip, string? captcha = null) =>
        Accounts.SignInAsync(new SignInRequest(email, password) { Client = new ClientContext(ip), CaptchaResponse = captcha });

    public async ValueTask DisposeAsync()
    {
        await BackgroundWork.WhenIdleAsync(Provider);
        await Provider.DisposeAsync();
        Meters.Dispose();
    }
}

/// <summary>The account and token stores that several nodes share, as they would share one database.</summary>
public sealed class SharedStores
{
    public InMemoryAccountStore Accounts { get; } = new();

    public InMemoryTokenStore Tokens { get; } = new();
}
