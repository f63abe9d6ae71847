using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendAccount.Sdk.Tests.Diagnostics;

namespace TrendAccount.Sdk.Tests.Internal;

/// <summary>Issue #11 item 8: notices never starve or drop reset and confirmation mail.</summary>
public sealed class AccountWorkQueueTests
{
    private const int DroppedEvent = 1902;

    /// <summary>
    /// The attack as reported — 22,500 attacker sign-ins (5 wrong passwords on each of 4,500 accounts, cost 4, captcha
    /// solved) lock 4,500 accounts, and their lockout notices meet a slow mailer (250 ms; here a gate, no real
    /// waiting) and overflow the queue of 4,096 — replayed at 1/16 scale (notice lane of 256, 282 accounts, 1,410
    /// sign-ins) so it runs in seconds. Before the lanes the reset request joined the full queue and was dropped with
    /// the overflow; now it is delivered first once the mailer moves, and every shed notice is logged.
    /// </summary>
    [Fact]
    public async Task RequestPasswordResetAsync_LockoutNoticeFloodFillsTheQueue_VictimsResetMailIsDeliveredFirst()
    {
        const int scale = 16;
        const int noticeCapacity = AccountWorkQueue.NoticeCapacity / scale;
        const int accounts = (4500 + scale - 1) / scale;
        const string victim = "victim@example.com";
        var mailer = new GatedMailer();
        await using var host = FlowHost.Create(
            mailer: mailer,
            build: builder => builder.Services.Replace(ServiceDescriptor.Singleton(sp => new AccountWorkQueue(
                sp.GetRequiredService<ILogger<AccountWorkQueue>>(), AccountWorkQueue.UrgentCapacity, noticeCapacity))));
        // Accounts are written to the store directly: registering through the flow would mail a confirmation link,
        // which the gated mailer holds until the flood is over.
        var hash = host.Provider.GetRequiredService<IPasswordHasher>().HashPassword("the owners' password");
        for (var i = -1; i < accounts; i++)
        {
            var serial = $"ABCD-0000-0000-0001-{i + 1:D4}";
            await host.Store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", FlowHost.Start, CancellationToken.None);
            var email = i < 0 ? victim : $"user{i}@example.com";
            var account = new AccountRecord
            {
                Id = Guid.NewGuid(),
                Email = email,
                LookupKey = email,
                PasswordHash = hash,
                SecurityStamp = AccountRecord.NewSecurityStamp(),
                CreatedAt = FlowHost.Start,
            };
            Assert.Equal(StoreWriteStatus.Succeeded, await host.Store.CreateWithSerialAsync(account, serial, FlowHost.Start, CancellationToken.None));
        }

        var signIns = 0;
        for (var i = 0; i < accounts; i++)
        {
            for (var attempt = 0; attempt < LockoutOptions.DefaultMaximumFailedAttempts; attempt++)
            {
                await host.SignInAsync($"user{i}@example.com", "guess " + attempt, captcha: FlowHost.Captcha);
                signIns++;
            }
        }

        var reset = await host.Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(victim, FlowHost.Captcha, new ClientContext("198.51.100.7")));
        mailer.Open();
        await host.Work.WhenIdleAsync();

        Assert.Equal(accounts * LockoutOptions.DefaultMaximumFailedAttempts, signIns);
        Assert.Equal(ForgotPasswordStatus.Accepted, reset.Status);
        var sent = mailer.Sent;
        var resetAt = sent.ToList().FindIndex(m => m.Kind == AccountMessageKind.PasswordReset && m.To == victim);
        Assert.InRange(resetAt, 0, 1); // at most the one notice already at the mailer went first
        var notices = sent.Count(m => m.Kind == AccountMessageKind.LockoutNotice);
        var shed = host.Logs.GetSnapshot().Count(r => r.Id.Id == DroppedEvent);
        Assert.Equal(accounts, notices + shed); // every notice was either sent or shed with a log line: none lost silently
        Assert.Equal(accounts - noticeCapacity - 1, shed);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id == DroppedEvent && r.Message.Contains("PasswordReset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryEnqueueNotice_NoticeLaneFull_ShedsAndLogs()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<AccountWorkQueue>();
        await using var queue = new AccountWorkQueue(logger);
        var gate = new TaskCompletionSource();
        Assert.True(queue.TryEnqueueNotice("first", _ => gate.Task));
        await WaitUntilAsync(() => queue.Waiting.Notices == 0); // the first notice is running, stuck at the gate

        var accepted = 0;
        for (var i = 0; i < AccountWorkQueue.NoticeCapacity + 10; i++)
        {
            accepted += queue.TryEnqueueNotice("notice", _ => Task.CompletedTask) ? 1 : 0;
        }

        gate.SetResult();
        await queue.WhenIdleAsync();
        Assert.Equal(AccountWorkQueue.NoticeCapacity, accepted);
        Assert.Equal(10, logger.Collector.GetSnapshot().Count(r => r.Id.Id == DroppedEvent));
    }

    [Fact]
    public async Task EnqueueUrgentAsync_NoticesWaiting_RunsBeforeEveryWaitingNotice()
    {
        await using var queue = new AccountWorkQueue(NullLogger<AccountWorkQueue>.Instance);
        var gate = new TaskCompletionSource();
        var order = new List<string>();
        queue.TryEnqueueNotice("stuck", async _ =>
        {
            await gate.Task;
            lock (order)
            {
                order.Add("stuck");
            }
        });
        await WaitUntilAsync(() => queue.Waiting.Notices == 0);
        for (var i = 0; i < 100; i++)
        {
            queue.TryEnqueueNotice("notice", _ => Record(order, "notice"));
        }

        Assert.True(await queue.EnqueueUrgentAsync("reset", _ => Record(order, "reset"), CancellationToken.None));
        gate.SetResult();
        await queue.WhenIdleAsync();

        Assert.Equal(["stuck", "reset"], order.Take(2));
        Assert.Equal(102, order.Count);
    }

    [Fact]
    public async Task EnqueueUrgentAsync_UrgentLaneFull_WaitsForRoomAndNeverDrops()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<AccountWorkQueue>();
        await using var queue = new AccountWorkQueue(logger, urgentCapacity: 2);
        var gate = new TaskCompletionSource();
        var ran = 0;
        Assert.True(await queue.EnqueueUrgentAsync("stuck", _ => gate.Task, CancellationToken.None));
        await WaitUntilAsync(() => queue.Waiting.Urgent == 0);
        Assert.True(await queue.EnqueueUrgentAsync("a", _ => Count(ref ran), CancellationToken.None));
        Assert.True(await queue.EnqueueUrgentAsync("b", _ => Count(ref ran), CancellationToken.None));

        var third = queue.EnqueueUrgentAsync("c", _ => Count(ref ran), CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted); // backpressure: the caller waits, nothing is dropped

        gate.SetResult();
        Assert.True(await third);
        await queue.WhenIdleAsync();
        Assert.Equal(3, ran);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1905);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == DroppedEvent);
    }

    [Fact]
    public async Task EnqueueUrgentAsync_UrgentLaneFullAndCallerCancels_ThrowsToTheCaller()
    {
        await using var queue = new AccountWorkQueue(NullLogger<AccountWorkQueue>.Instance, urgentCapacity: 1);
        var gate = new TaskCompletionSource();
        Assert.True(await queue.EnqueueUrgentAsync("stuck", _ => gate.Task, CancellationToken.None));
        await WaitUntilAsync(() => queue.Waiting.Urgent == 0);
        Assert.True(await queue.EnqueueUrgentAsync("waiting", _ => Task.CompletedTask, CancellationToken.None));
        using var cancel = new CancellationTokenSource();

        var blocked = queue.EnqueueUrgentAsync("refused", _ => Task.CompletedTask, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        gate.SetResult();
    }

    /// <summary>
    /// Issue #13, operability in the in-memory mode: the queue's backlog is visible on the meter per lane — how many
    /// items wait and how long the oldest has — so a stuck mailer shows before customers say their link never came.
    /// </summary>
    [Fact]
    public async Task Lanes_MailerStuck_GaugesReportWaitingItemsAndOldestAgePerLane()
    {
        using var factory = new TestMeterFactory();
        await using var host = FlowHost.Create(build: b => b.Services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(factory));
        var gate = new TaskCompletionSource();
        var queue = host.Provider.GetRequiredService<AccountWorkQueue>();
        using var depth = new MetricCollector<long>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.WorkQueueDepthGauge);
        using var age = new MetricCollector<double>(factory, TrendAccountDiagnostics.MeterName, TrendAccountDiagnostics.WorkQueueOldestAgeGauge);

        depth.RecordObservableInstruments();
        age.RecordObservableInstruments();
        Assert.Equal(0, Lane(depth, "urgent") + Lane(depth, "notice"));
        Assert.Equal(0, Lane(age, "urgent") + Lane(age, "notice"));

        // The loop is held by a first item; then one notice and, a minute later, two urgent items queue behind it.
        queue.TryEnqueueNotice("held", _ => gate.Task);
        await WaitUntilAsync(() => queue.Waiting.Notices == 0);
        queue.TryEnqueueNotice("notice", _ => Task.CompletedTask);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await queue.EnqueueUrgentAsync("reset 1", _ => Task.CompletedTask, CancellationToken.None));
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await queue.EnqueueUrgentAsync("reset 2", _ => Task.CompletedTask, CancellationToken.None));

        depth.RecordObservableInstruments();
        age.RecordObservableInstruments();
        Assert.Equal(2, Lane(depth, "urgent"));
        Assert.Equal(1, Lane(depth, "notice"));
        Assert.Equal(30, Lane(age, "urgent"));
        Assert.Equal(90, Lane(age, "notice"));
        Assert.Equal("{item}", depth.Instrument?.Unit);
        Assert.Equal("s", age.Instrument?.Unit);

        gate.SetResult();
        await queue.WhenIdleAsync();
        depth.RecordObservableInstruments();
        age.RecordObservableInstruments();
        Assert.Equal(0, Lane(depth, "urgent") + Lane(depth, "notice"));
        Assert.Equal(0, Lane(age, "urgent") + Lane(age, "notice"));
    }

    private static T Lane<T>(MetricCollector<T> collector, string lane)
        where T : struct =>
        collector.GetMeasurementSnapshot().Last(m => Equals(m.Tags[TrendAccountDiagnostics.LaneTag], lane)).Value;

    private static Task Record(List<string> order, string name)
    {
        lock (order)
        {
            order.Add(name);
        }

        return Task.CompletedTask;
    }

    private static Task Count(ref int counter)
    {
        Interlocked.Increment(ref counter);
        return Task.CompletedTask;
    }

    // Waits for the background loop to pick up an item: no sleeping, just yielding until the state is reached.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            timeout.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
