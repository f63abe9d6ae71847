using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;
using TrendAccount.Sdk.Tests.Diagnostics;

namespace TrendAccount.Sdk.Tests.Retention;

/// <summary>
/// The retention service under a real generic host with a fake clock: it runs when the host starts it, purges in
/// batches what expired more than the grace period ago, survives a failing store, and stops with the host. Every wait
/// is on the pass counter (a measurement per pass), never on time, and the clock moves one interval at a time, so
/// each move is exactly one pass.
/// </summary>
public sealed class TokenRetentionServiceTests
{
    private const string Email = "retention@example.com";
    private const string Password = "correct horse battery";
    private static readonly TimeSpan PassTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Issue 13's scenario, scaled: N sign-ins, 60 days, then N/100 more leave N/100 token records (without retention,
    /// N + N/100). <c>TRENDACCOUNT_RETENTION_SIGN_INS=100000</c> runs it at full size (see docs/stores.md).
    /// </summary>
    [Fact]
    public async Task AddRetention_SignInsThenSixtyDays_LeavesOnlyTheNewSessions()
    {
        var signIns = Environment.GetEnvironmentVariable("TRENDACCOUNT_RETENTION_SIGN_INS") is { Length: > 0 } value
            ? int.Parse(value, CultureInfo.InvariantCulture)
            : 5_000;
        var later = signIns / 100;
        await using var node = await RetentionNode.StartAsync(o => o.Interval = TimeSpan.FromDays(1));
        await node.Passes.WaitForMeasurementsAsync(1, PassTimeout);
        await node.RegisterAsync();
        var before = node.Count;

        await node.SignInAsync(signIns);
        Assert.Equal(before + signIns, node.Count);

        for (var day = 1; day <= 60; day++)
        {
            node.Time.Advance(TimeSpan.FromDays(1));
            await node.Passes.WaitForMeasurementsAsync(1 + day, PassTimeout);
        }

        await node.SignInAsync(later);

        Assert.Equal(later, node.Count);
        Assert.Equal(before + signIns, node.Purged.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(node.Passes.GetMeasurementSnapshot(), m => Assert.Equal("succeeded", m.Tags[TrendAccountDiagnostics.OutcomeTag]));
    }

    [Fact]
    public async Task AddRetention_BacklogLargerThanBatch_PurgesItInBatchesInOnePass()
    {
        await using var node = await RetentionNode.StartAsync(o => o.BatchSize = 7);
        await node.Passes.WaitForMeasurementsAsync(1, PassTimeout);
        await node.AddExpiredTokensAsync(50, node.Time.GetUtcNow() - TimeSpan.FromDays(2));

        node.Time.Advance(RetentionOptions.DefaultInterval);
        await node.Passes.WaitForMeasurementsAsync(2, PassTimeout);

        Assert.Equal(0, node.Count);

        // One measurement per batch: seven full batches of 7, then the short one (1) that ends the pass.
        var batches = node.Purged.GetMeasurementSnapshot().Skip(1).Select(m => m.Value).ToArray();
        Assert.Equal([7, 7, 7, 7, 7, 7, 7, 1], batches);
    }

    [Fact]
    public async Task AddRetention_WithinGracePeriod_KeepsExpiredRecords()
    {
        await using var node = await RetentionNode.StartAsync(o =>
        {
            o.Interval = TimeSpan.FromDays(1);
            o.GracePeriod = TimeSpan.FromDays(2);
        });
        await node.Passes.WaitForMeasurementsAsync(1, PassTimeout);
        await node.AddExpiredTokensAsync(3, node.Time.GetUtcNow());

        // One day after expiry, then exactly the grace period after it: kept (due only strictly before now - grace).
        node.Time.Advance(TimeSpan.FromDays(1));
        await node.Passes.WaitForMeasurementsAsync(2, PassTimeout);
        Assert.Equal(3, node.Count);
        node.Time.Advance(TimeSpan.FromDays(1));
        await node.Passes.WaitForMeasurementsAsync(3, PassTimeout);
        Assert.Equal(3, node.Count);

        node.Time.Advance(TimeSpan.FromDays(1));
        await node.Passes.WaitForMeasurementsAsync(4, PassTimeout);
        Assert.Equal(0, node.Count);
    }

    [Fact]
    public async Task AddRetention_BeforeTheHostStarts_PurgesNothing()
    {
        await using var node = await RetentionNode.StartAsync(start: false);
        await node.AddExpiredTokensAsync(3, node.Time.GetUtcNow() - TimeSpan.FromDays(30));

        // Resolving the hosted service constructs it; it must not start itself.
        Assert.Contains(node.Host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "TokenRetentionService");
        node.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, node.Count);
        Assert.Empty(node.Passes.GetMeasurementSnapshot());

        await node.Host.StartAsync();
        await node.Passes.WaitForMeasurementsAsync(1, PassTimeout);
        Assert.Equal(0, node.Count);
    }

    [Fact]
    public async Task AddRetention_AfterTheHostStops_RunsNoMorePasses()
    {
        await using var node = await RetentionNode.StartAsync();
        await node.Passes.WaitForMeasurementsAsync(1, PassTimeout);

        await node.Host.StopAsync();
        await node.AddExpiredTokensAsync(3, node.Time.GetUtcNow());
        node.Time.Advance(TimeSpan.FromDays(10));

        Assert.Single(node.Passes.GetMeasurementSnapshot());
        Assert.Equal(3, node.Count);
    }

    [Fact]
    public async Task AddRetention_StoreFails_LogsCountsAndTriesAgainNextInterval()
    {
        var store = new FailingOnceTokenStore();
        await using var node = await RetentionNode.StartAsync(tokens: store);
        await node.Passes.WaitForMeasurementsAsync(1, PassTimeout);
        await node.AddExpiredTokensAsync(3, node.Time.GetUtcNow() - TimeSpan.FromDays(30));

        node.Time.Advance(RetentionOptions.DefaultInterval);
        await node.Passes.WaitForMeasurementsAsync(2, PassTimeout);

        var outcomes = node.Passes.GetMeasurementSnapshot().Select(m => m.Tags[TrendAccountDiagnostics.OutcomeTag]).ToArray();
        Assert.Equal(["failed", "succeeded"], outcomes);
        Assert.Equal(0, node.Count);
        var failure = Assert.Single(node.Logs.GetSnapshot(), r => r.Id.Id == 2101);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsType<InvalidOperationException>(failure.Exception);
    }

    [Theory]
    [InlineData("Interval", "00:00:00")]
    [InlineData("BatchSize", "0")]
    [InlineData("BatchSize", "100001")]
    [InlineData("GracePeriod", "-00:00:01")]
    public async Task AddRetention_InvalidSetting_StopsTheHostNamingIt(string setting, string value)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => RetentionNode.StartAsync(o =>
        {
            switch (setting)
            {
                case "Interval": o.Interval = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
                case "BatchSize": o.BatchSize = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: o.GracePeriod = TimeSpan.Parse(value, CultureInfo.InvariantCulture); break;
            }
        }));

        Assert.Contains("TrendAccount:Retention:" + setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRetention_CalledTwice_RegistersOneService()
    {
        var services = new ServiceCollection();
        var builder = services.AddTrendAccount().UseInMemoryStores();

        builder.AddRetention().AddRetention(o => o.BatchSize = 10);

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    /// <summary>A node: a generic host with the SDK on in-memory stores, retention, a fake clock and fake logging.</summary>
    private sealed class RetentionNode : IAsyncDisposable
    {
        private readonly TestMeterFactory _meters;

        private RetentionNode(IHost host, FakeTimeProvider time, TestMeterFactory meters)
        {
            Host = host;
            Time = time;
            _meters = meters;
            Tokens = host.Services.GetRequiredService<ITokenStore>();
            Passes = new MetricCollector<long>(meters, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.RetentionPassesCounter);
            Purged = new MetricCollector<long>(meters, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.TokensPurgedCounter);
        }

        public IHost Host { get; }

        public FakeTimeProvider Time { get; }

        public ITokenStore Tokens { get; }

        /// <summary>Gets the number of token records held.</summary>
        public int Count => Tokens switch
        {
            InMemoryTokenStore store => store.Count,
            FailingOnceTokenStore store => store.Inner.Count,
            _ => throw new InvalidOperationException("Unknown store."),
        };

        public MetricCollector<long> Passes { get; }

        public MetricCollector<long> Purged { get; }

        public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

        private IAccountService Accounts => Host.Services.GetRequiredService<IAccountService>();

        public static async Task<RetentionNode> StartAsync(Action<RetentionOptions>? retention = null, ITokenStore? tokens = null, bool start = true)
        {
            var time = new FakeTimeProvider(FlowHost.Start);
            var meters = new TestMeterFactory();
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
            builder.Services.AddSingleton<IMeterFactory>(meters);
            var trendAccount = builder.Services
                .AddTrendAccount(o =>
                {
                    o.Hashing.WorkFactor = 4;
                    o.Hashing.AllowInsecureWorkFactorForTesting = true;
                    o.Recovery.ResetLinkBaseUrl = FlowHost.ResetBase;
                    o.Recovery.RegistrationLinkBaseUrl = FlowHost.RegistrationBase;
                })
                .UseInMemoryStores()
                .UsePasswordHasher(new FastHasher())
                .UseMailer(new RecordingAccountMailer())
                .UseCaptchaVerifier(new TestCaptchaVerifier())
                .UseTimeProvider(time)
                .AddRetention(retention);
            if (tokens is not null)
            {
                trendAccount.Services.AddSingleton(tokens);
            }

            var host = builder.Build();
            var node = new RetentionNode(host, time, meters);
            if (start)
            {
                try
                {
                    await host.StartAsync();
                }
                catch
                {
                    await node.DisposeAsync();
                    throw;
                }
            }

            return node;
        }

        public async Task RegisterAsync()
        {
            const string Serial = "PQRS-1234-5678-9012-3456";
            Assert.True((await Accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);
            Assert.True((await TestRegistrations.RegisterAndConfirmAsync(Host.Services, FlowHost.Registration(Serial, Email, Password))).Succeeded);
        }

        public async Task SignInAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var result = await Accounts.SignInAsync(new SignInRequest(Email, Password));
                Assert.True(result.Succeeded, result.Message);
            }
        }

        /// <summary>Adds tokens that expire at <paramref name="expiresAt"/>.</summary>
        public async Task AddExpiredTokensAsync(int count, DateTimeOffset expiresAt)
        {
            for (var i = 0; i < count; i++)
            {
                await Tokens.AddAsync(
                    new TokenRecord
                    {
                        Digest = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                        AccountId = Guid.NewGuid(),
                        Purpose = TokenPurpose.Session,
                        SecurityStamp = "STAMP",
                        IssuedAt = expiresAt.AddMinutes(-30),
                        ExpiresAt = expiresAt,
                    },
                    CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Passes.Dispose();
            Purged.Dispose();
            if (Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
            {
                await Host.StopAsync();
            }

            Host.Dispose();
            _meters.Dispose();
        }
    }

    /// <summary>Stands in for bcrypt: these tests count token records, and 100,000 real verifications would take minutes.</summary>
    private sealed class FastHasher : IPasswordHasher
    {
        public string HashPassword(string password) => "plain:" + password;

        public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword) =>
            string.Equals(hashedPassword, "plain:" + providedPassword, StringComparison.Ordinal)
                ? PasswordVerificationResult.Success
                : PasswordVerificationResult.Failed;
    }

    /// <summary>An in-memory token store whose first purge throws, as a database that is down would.</summary>
    private sealed class FailingOnceTokenStore : ITokenStore
    {
        private readonly InMemoryTokenStore _inner = new();
        private int _purges;

        public InMemoryTokenStore Inner => _inner;

        public Task AddAsync(TokenRecord token, CancellationToken cancellationToken) => _inner.AddAsync(token, cancellationToken);

        public Task<TokenRecord?> FindAsync(string digest, CancellationToken cancellationToken) => _inner.FindAsync(digest, cancellationToken);

        public Task<bool> TryConsumeAsync(string digest, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.TryConsumeAsync(digest, now, cancellationToken);

        public Task<bool> TryExtendAsync(string digest, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.TryExtendAsync(digest, expiresAt, now, cancellationToken);

        public Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.RevokeAllAsync(accountId, purpose, now, cancellationToken);

        public Task<int> RevokeAllButNewestAsync(Guid accountId, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.RevokeAllButNewestAsync(accountId, purpose, now, cancellationToken);

        public Task<int> PurgeExpiredAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _purges) == 1
                ? throw new InvalidOperationException("The database is down.")
                : _inner.PurgeExpiredAsync(before, batchSize, cancellationToken);
    }
}
