using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Outbox;

/// <summary>
/// Durable mail end to end (issue #13): the flows write the outbox in the store's transaction, and the delivery
/// service delivers it with retries, backoff, dead letters and a stable Message-Id. One subclass per provider.
/// </summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class OutboxDeliveryTests<TDatabase> : IClassFixture<TDatabase>
    where TDatabase : StoreDatabase
{
    private const int DeadLetterEvent = 1908;
    private static readonly Uri ResetBase = new("https://accounts.example.com/reset?token=");

    protected OutboxDeliveryTests(TDatabase database)
    {
        Database = database;
    }

    protected TDatabase Database { get; }

    [Fact]
    public async Task RequestPasswordResetAsync_WithOutbox_WritesTheMailWithTheTokenAndDeliversItOnceWithTheRowsMessageId()
    {
        await ClearOutboxAsync();
        var mailer = new RecordingAccountMailer();
        await using var node = CreateNode(mailer);
        var email = await RequestResetAsync(node);

        // Written, not sent: the row (with its link) and the token are in the database before anything reaches the mailer.
        await using (var context = Database.CreateContext())
        {
            var row = await context.Set<OutboxEntity>().SingleAsync(m => m.Recipient == email);
            Assert.Equal(MailPriority.Urgent, row.Priority);
            Assert.StartsWith(ResetBase.AbsoluteUri, row.Link, StringComparison.Ordinal);
        }

        Assert.Empty(mailer.Messages);
        Assert.Equal(1, await node.Delivery.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await node.Delivery.RunOnceAsync(CancellationToken.None));

        var sent = Assert.Single(mailer.MessagesTo(email));
        Assert.Equal(AccountMessageKind.PasswordReset, sent.Kind);
        await using (var context = Database.CreateContext())
        {
            var row = await context.Set<OutboxEntity>().SingleAsync(m => m.Recipient == email);
            Assert.Equal(row.Id.ToString("N"), sent.MessageId);
            Assert.Equal(OutboxEntity.Delivered, row.State);
        }

        // The link in the delivered mail works: the token was committed with the mail.
        var token = sent.Link!.AbsoluteUri[ResetBase.AbsoluteUri.Length..];
        var reset = await node.Accounts.ResetPasswordAsync(new ResetPasswordRequest(token, "a new long password 1", "a new long password 1", new ClientContext("198.51.100.7")));
        Assert.True(reset.Succeeded, reset.Message);
    }

    [Fact]
    public async Task RunOnceAsync_MailerKeepsFailing_RetriesWithDoublingBackoffThenDeadLetters()
    {
        await ClearOutboxAsync();
        var mailer = new FailingMailer();
        await using var node = CreateNode(mailer, o => o.MaximumAttempts = 3);
        using var deadLetters = new MetricCollector<long>(node.Services.GetRequiredService<OutboxMetrics>().Meter, TrendAccountDiagnostics.OutboxDeadLettersCounter);
        await RequestResetAsync(node);

        await node.Delivery.RunOnceAsync(CancellationToken.None); // attempt 1 fails: next in 30 s
        node.Time.Advance(TimeSpan.FromSeconds(29));
        await node.Delivery.RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, mailer.Calls);

        node.Time.Advance(TimeSpan.FromSeconds(1));
        await node.Delivery.RunOnceAsync(CancellationToken.None); // attempt 2 fails: next in 60 s
        node.Time.Advance(TimeSpan.FromSeconds(59));
        await node.Delivery.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, mailer.Calls);

        node.Time.Advance(TimeSpan.FromSeconds(1));
        await node.Delivery.RunOnceAsync(CancellationToken.None); // attempt 3 fails: dead letter
        node.Time.Advance(TimeSpan.FromDays(1));
        await node.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(3, mailer.Calls);
        Assert.Single(node.Logs.GetSnapshot(), r => r.Id.Id == DeadLetterEvent);
        Assert.Equal(1, deadLetters.GetMeasurementSnapshot().EvaluateAsCounter());
        await using var context = Database.CreateContext();
        var row = await context.Set<OutboxEntity>().SingleAsync();
        Assert.Equal(OutboxEntity.Dead, row.State);
        Assert.Contains("InvalidOperationException", row.LastError, StringComparison.Ordinal);
        Assert.Equal(0, (await node.Services.GetRequiredService<IMailOutbox>().GetBacklogAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task RunOnceAsync_NoticesWrittenBeforeAReset_DeliversTheResetFirst()
    {
        await ClearOutboxAsync();
        var mailer = new RecordingAccountMailer();
        await using var node = CreateNode(mailer, o => o.BatchSize = 1);
        var outbox = node.Services.GetRequiredService<IMailOutbox>();
        for (var i = 0; i < 5; i++)
        {
            await outbox.AddAsync(Stores.MailOutboxTests<TDatabase>.NewMail(MailPriority.Notice, at: node.Time.GetUtcNow() - TimeSpan.FromMinutes(1)), null, CancellationToken.None);
        }

        var email = await RequestResetAsync(node);
        await node.Delivery.RunOnceAsync(CancellationToken.None);

        var first = Assert.Single(mailer.Messages);
        Assert.Equal(AccountMessageKind.PasswordReset, first.Kind);
        Assert.Equal(email, first.To);
    }

    [Fact]
    public async Task AddOutboxDelivery_HostStartsTheService_DeliversWhatTheFlowsWriteAndStopsWithTheHost()
    {
        await ClearOutboxAsync();
        var mailer = new SignallingMailer();
        await using var node = CreateNode(mailer);
        var hosted = Assert.Single(node.Services.GetServices<IHostedService>());
        await hosted.StartAsync(CancellationToken.None);

        var email = await RequestResetAsync(node);
        var delivered = await mailer.FirstMessage.WaitAsync(TimeSpan.FromSeconds(60));
        await hosted.StopAsync(CancellationToken.None);

        Assert.Equal(email, delivered.To);
        Assert.Contains(node.Logs.GetSnapshot(), r => r.Id.Id == 1913); // stopped
    }

    [Fact]
    public async Task RunOnceAsync_DeliveredRowsPastRetention_PurgedInBatches()
    {
        await ClearOutboxAsync();
        var mailer = new RecordingAccountMailer();
        await using var node = CreateNode(mailer, o =>
        {
            o.PurgeBatchSize = 2;
            o.RetentionPeriod = TimeSpan.FromDays(7);
            o.PurgeInterval = TimeSpan.FromHours(1);
        });
        var outbox = node.Services.GetRequiredService<IMailOutbox>();
        for (var i = 0; i < 5; i++)
        {
            await outbox.AddAsync(Stores.MailOutboxTests<TDatabase>.NewMail(MailPriority.Notice, at: node.Time.GetUtcNow()), null, CancellationToken.None);
        }

        await node.Delivery.RunOnceAsync(CancellationToken.None);
        Assert.Equal(5, mailer.Messages.Count);
        node.Time.Advance(TimeSpan.FromDays(8));
        await node.Delivery.RunOnceAsync(CancellationToken.None);

        await using var context = Database.CreateContext();
        Assert.Equal(0, await context.Set<OutboxEntity>().CountAsync());
        Assert.Contains(node.Logs.GetSnapshot(), r => r.Id.Id == 1911 && r.Message.StartsWith("5 ", StringComparison.Ordinal));
    }

    protected OutboxNode CreateNode(IAccountMailer mailer, Action<OutboxDeliveryOptions>? configure = null)
    {
        var time = new FakeTimeProvider(TestData.Start);
        var services = Database.CreateServices(time, services =>
        {
            services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
            services.AddTrendAccount(options =>
                {
                    options.Hashing.WorkFactor = 4;
                    options.Hashing.AllowInsecureWorkFactorForTesting = true;
                    options.Recovery.ResetLinkBaseUrl = ResetBase;
                    options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm?token=");
                    options.RateLimits.PasswordResetPerAddress.PermitLimit = 10_000;
                    options.RateLimits.PasswordResetPerClient.PermitLimit = 10_000;
                })
                .UseEntityFrameworkStores<TestDbContext>()
                .UseMailer(mailer)
                .UseCaptchaVerifier(new TestCaptchaVerifier())
                .UseTimeProvider(time)
                .AddOutboxDelivery(configure);
        });
        return new OutboxNode(services, time);
    }

    protected async Task<string> RequestResetAsync(OutboxNode node)
    {
        var store = node.Services.GetRequiredService<IAccountStore>();
        var now = node.Time.GetUtcNow();
        var serial = TestData.NewSerial();
        await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", now, CancellationToken.None);
        var account = TestData.NewAccount(now);
        account = account with { LookupKey = CredentialNormalizer.Default.NormalizeEmail(account.Email).LookupKey! };
        Assert.Equal(StoreWriteStatus.Succeeded, await store.CreateWithSerialAsync(account, serial, now, CancellationToken.None));
        var answer = await node.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(account.Email, TestCaptchaVerifier.ValidResponse, new ClientContext("198.51.100.7")));
        Assert.True(answer.Succeeded, answer.Message);
        await BackgroundWork.WhenIdleAsync(node.Services);
        return account.Email;
    }

    protected async Task ClearOutboxAsync()
    {
        await using var context = Database.CreateContext();
        await context.Set<OutboxEntity>().ExecuteDeleteAsync();
    }

    /// <summary>One node: its provider, clock and delivery service.</summary>
    protected sealed class OutboxNode(ServiceProvider services, FakeTimeProvider time) : IAsyncDisposable
    {
        public ServiceProvider Services { get; } = services;

        public FakeTimeProvider Time { get; } = time;

        public IAccountService Accounts => Services.GetRequiredService<IAccountService>();

        internal OutboxDeliveryService Delivery => Services.GetRequiredService<OutboxDeliveryService>();

        public FakeLogCollector Logs => Services.GetFakeLogCollector();

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    private sealed class FailingMailer : IAccountMailer
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("SMTP server refused the message.");
        }
    }

    private sealed class SignallingMailer : IAccountMailer
    {
        private readonly TaskCompletionSource<AccountMessage> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<AccountMessage> FirstMessage => _first.Task;

        public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
        {
            _first.TrySetResult(message);
            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteOutboxDeliveryTests(SqliteDatabase database) : OutboxDeliveryTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresOutboxDeliveryTests(PostgresDatabase database) : OutboxDeliveryTests<PostgresDatabase>(database)
{
    /// <summary>Two nodes over one PostgreSQL database each run delivery at once: every mail is delivered exactly once.</summary>
    [Fact]
    public async Task RunOnceAsync_TwoNodesDeliverAtOnce_EachMailDeliveredOnce()
    {
        await ClearOutboxAsync();
        var first = new RecordingAccountMailer();
        var second = new RecordingAccountMailer();
        await using var a = CreateNode(first, o => o.BatchSize = 3);
        await using var b = CreateNode(second, o => o.BatchSize = 3);
        var emails = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            emails.Add(await RequestResetAsync(i % 2 == 0 ? a : b));
        }

        await Task.WhenAll(DrainAsync(a), DrainAsync(b));

        var delivered = first.Messages.Concat(second.Messages).Select(m => m.To).ToList();
        Assert.Equal(emails.Order(), delivered.Order());

        static Task DrainAsync(OutboxNode node) => Task.Run(async () =>
        {
            while (await node.Delivery.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        });
    }
}
