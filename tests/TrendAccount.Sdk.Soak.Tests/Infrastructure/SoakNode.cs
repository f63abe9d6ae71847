using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TrendAccount.Sdk.MailKit;
using TrendAccount.Sdk.Redis.Internal;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>
/// One node of the farm: a service provider of its own (its own connection pool, work queue, in-memory fallback
/// counter, outbox delivery service, SMTP connections and logs), wired as a host wires the SDK for many nodes: the EF
/// Core store on PostgreSQL with the durable outbox and its hosted delivery, the Redis attempt counter, the MailKit
/// SMTP sender. bcrypt work factor 4.
/// </summary>
public sealed class SoakNode : IAsyncDisposable
{
    /// <summary>The per-client sign-in limit: small, so the test can reach it and count to it.</summary>
    public const int PerClientSignIns = 5;

    /// <summary>The base of every reset link.</summary>
    public const string ResetBase = "https://accounts.example.com/reset?token=";

    /// <summary>The base of every registration confirmation link.</summary>
    public const string ConfirmBase = "https://accounts.example.com/confirm-registration?token=";

    /// <summary>How long the outbox waits before the second attempt; each further wait doubles up to <see cref="MaximumRetryDelay"/> (farm time).</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts (farm time).</summary>
    public static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromSeconds(8);

    /// <summary>How long a node counts per process after Redis failed, before it tries Redis again (farm time).</summary>
    public static readonly TimeSpan RedisRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>The outbox's attempt limit: the most it allows (see the test's remarks on why none is reached).</summary>
    public const int MaximumAttempts = 100;

    private const int SignInFailedEvent = 1201;
    private const int LockedOutEvent = 1202;
    private const int RedisUnavailableEvent = 8100;
    private const int OutboxRetryEvent = 1907;
    private const int SmtpFailedEvent = 5102;

    private readonly List<IHostedService> _started = [];

    private SoakNode(string name, ServiceProvider provider)
    {
        Name = name;
        Provider = provider;
    }

    public string Name { get; }

    public ServiceProvider Provider { get; }

    public IAccountService Accounts => Provider.GetRequiredService<IAccountService>();

    /// <summary>Gets the node's attempt counter: Redis, with the per-process fallback.</summary>
    internal ResilientAttemptCounter Counter => Provider.GetRequiredService<ResilientAttemptCounter>();

    /// <summary>Gets a value indicating whether the node counts in its own process because Redis failed and has not answered since.</summary>
    public bool IsFallingBack => Counter.IsFallingBack;

    public IPasswordHasher Hasher => Provider.GetRequiredService<IPasswordHasher>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static SoakNode Create(string name, FarmSettings farm)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Information));
        services.AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Hashing.Peppers["farm1"] = farm.Pepper;
                options.Hashing.CurrentPepperId = "farm1";
                options.Recovery.ResetLinkBaseUrl = new Uri(ResetBase);
                options.Recovery.RegistrationLinkBaseUrl = new Uri(ConfirmBase);

                // The per-client sign-in limit is the one the soak counts: small, and a window (timed by the Redis
                // server's real clock, or the farm clock in the fallback) far longer than the run.
                options.SignIn.PerClient.PermitLimit = PerClientSignIns;
                options.SignIn.PerClient.Window = TimeSpan.FromDays(1);

                // Room for every concurrent caller, so no sign-in is deferred for overload on a slow machine.
                options.SignIn.MaximumQueuedVerifications = 1_000;
                options.SignIn.MaximumVerificationWait = TimeSpan.FromMinutes(1);

                // The workloads send many requests per client and address: these limits are not the subject.
                foreach (var rule in new[]
                {
                    options.RateLimits.PasswordResetPerAddress, options.RateLimits.PasswordResetPerClient,
                    options.RateLimits.InvalidResetTokensPerClient, options.RateLimits.RegistrationPerClient,
                    options.RateLimits.RegistrationPerAddress,
                })
                {
                    rule.PermitLimit = 100_000;
                }
            })
            .UseEntityFrameworkStores(o => o.UseNpgsql(farm.Database.ConnectionString(name)))
            .UseRedisAttemptCounter(o =>
            {
                o.Configuration = farm.RedisConfiguration;
                o.KeyPrefix = farm.RedisKeyPrefix;
                o.RetryInterval = RedisRetryInterval;

                // Generous: a loaded CI machine must not make a live Redis look dead.
                o.Timeout = TimeSpan.FromSeconds(5);
            })
            .UseSmtpMailer(smtp =>
            {
                smtp.Host = "127.0.0.1";
                smtp.Port = farm.SmtpPort;
                smtp.TlsMode = SmtpTlsMode.None;
                smtp.FromAddress = "account@trend.example";

                // Timed by the farm clock, which runs faster than real time: the longest allowed.
                smtp.Timeout = SmtpMailerOptions.MaximumTimeout;
            })
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(farm.Time)
            .AddOutboxDelivery(o =>
            {
                o.PollInterval = TimeSpan.FromSeconds(1);
                o.FirstRetryDelay = FirstRetryDelay;
                o.MaximumRetryDelay = MaximumRetryDelay;
                o.MaximumAttempts = MaximumAttempts;
                o.BatchSize = 10;

                // Far longer than any send, even on a slow machine with the fast farm clock: a lease never runs out
                // under a live node, so a second delivery can only follow a recorded failure.
                o.LeaseDuration = TimeSpan.FromHours(6);
            });
        return new SoakNode(name, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>Starts the node's hosted services (the outbox delivery), as the host does at start-up.</summary>
    /// <returns>A task that completes when they have started.</returns>
    public async Task StartAsync()
    {
        foreach (var hosted in Provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            _started.Add(hosted);
        }
    }

    /// <summary>Stops the hosted services, as the host does at shutdown.</summary>
    /// <returns>A task that completes when they have stopped.</returns>
    public async Task StopAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        _started.Clear();
    }

    /// <summary>Gets the log records at warning level or above that the workloads and the faults do not explain, for failure messages.</summary>
    /// <returns>The records, one line each.</returns>
    public IEnumerable<string> Problems() => Logs.GetSnapshot()
        .Where(r => r.Level >= LogLevel.Warning && r.Id.Id is not (SignInFailedEvent or LockedOutEvent or RedisUnavailableEvent or OutboxRetryEvent or SmtpFailedEvent))
        .Select(r => $"{Name} {r.Level} {r.Id.Id} {r.Id.Name}: {r.Message}{(r.Exception is null ? string.Empty : " [" + r.Exception.GetType().Name + ": " + r.Exception.Message + "]")}");

    /// <summary>Gets every log record as text: its message, its structured values and its exception.</summary>
    /// <returns>The records.</returns>
    public IEnumerable<(string Event, string Text)> LogTexts() => Logs.GetSnapshot()
        .Select(r => ($"{Name} {r.Id.Id} {r.Id.Name}", string.Join(
            '\n',
            new[] { r.Message, r.Exception?.ToString() ?? string.Empty }.Concat((r.StructuredState ?? []).Select(kv => kv.Value ?? string.Empty)))));

    /// <summary>Gets how many sends failed at the SMTP server, by failure.</summary>
    /// <returns>The counts.</returns>
    public IReadOnlyDictionary<AccountMailDeliveryFailure, int> SmtpFailures() => Logs.GetSnapshot()
        .Where(r => r.Id.Id == SmtpFailedEvent && r.Exception is AccountMailDeliveryException)
        .GroupBy(r => ((AccountMailDeliveryException)r.Exception!).Failure)
        .ToDictionary(g => g.Key, g => g.Count());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await BackgroundWork.WhenIdleAsync(Provider).WaitAsync(TimeSpan.FromMinutes(1));
        await Provider.DisposeAsync();
    }
}
