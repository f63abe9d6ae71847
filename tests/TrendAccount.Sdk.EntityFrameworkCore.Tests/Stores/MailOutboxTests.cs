using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Stores;

/// <summary>The EF Core mail outbox on a real database, one subclass per provider.</summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class MailOutboxTests<TDatabase> : StoreTestBase<TDatabase>
    where TDatabase : StoreDatabase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected MailOutboxTests(TDatabase database)
        : base(database)
    {
    }

    private IMailOutbox Outbox => Services.GetRequiredService<IMailOutbox>();

    [Fact]
    public async Task AddAsync_MailWithToken_WritesBoth()
    {
        var token = TestData.NewToken(Guid.NewGuid(), Now, TimeSpan.FromMinutes(30));
        var mail = NewMail(MailPriority.Urgent, AccountMessageKind.PasswordReset);

        await Outbox.AddAsync(mail, token, CancellationToken.None);

        Assert.Equal(token, await Tokens.FindAsync(token.Digest, CancellationToken.None));
        await using var context = Database.CreateContext();
        var row = await context.Set<OutboxEntity>().SingleAsync(m => m.Id == mail.Id);
        Assert.Equal(OutboxEntity.Waiting, row.State);
        Assert.Equal(mail.Message.Link?.AbsoluteUri, row.Link);
    }

    [Fact]
    public async Task AddAsync_TokenWriteFails_LeavesNoMail()
    {
        // The token's digest is taken already: the token insert fails, and the mail must not be written without it.
        var token = TestData.NewToken(Guid.NewGuid(), Now, TimeSpan.FromMinutes(30));
        await Tokens.AddAsync(token, CancellationToken.None);
        var mail = NewMail(MailPriority.Urgent, AccountMessageKind.PasswordReset);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Outbox.AddAsync(mail, token, CancellationToken.None));

        await using var context = Database.CreateContext();
        Assert.False(await context.Set<OutboxEntity>().AnyAsync(m => m.Id == mail.Id));
    }

    [Fact]
    public async Task ClaimAsync_NoticesThenUrgent_ClaimsUrgentFirstAndLeasesEachRowOnce()
    {
        await using var scope = await IsolatedAsync();
        var notices = new[] { NewMail(MailPriority.Notice), NewMail(MailPriority.Notice), NewMail(MailPriority.Notice) };
        foreach (var notice in notices)
        {
            await Outbox.AddAsync(notice, null, CancellationToken.None);
        }

        var urgent = NewMail(MailPriority.Urgent, AccountMessageKind.PasswordReset);
        await Outbox.AddAsync(urgent, null, CancellationToken.None);

        var first = await Outbox.ClaimAsync(Guid.NewGuid(), 2, Now, Now + Lease, CancellationToken.None);
        var second = await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now, Now + Lease, CancellationToken.None);
        var third = await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now, Now + Lease, CancellationToken.None);

        Assert.Equal(urgent.Id, first[0].Id);
        Assert.Equal(4, first.Count + second.Count);
        Assert.Empty(third);
        Assert.Equal(4, first.Concat(second).Select(m => m.Id).Distinct().Count());
        Assert.All(first.Concat(second), m => Assert.Equal(1, m.Attempts));
        Assert.Equal(first[0].Id.ToString("N"), first[0].Message.MessageId);
    }

    [Fact]
    public async Task ClaimAsync_LeaseRanOut_RowIsClaimedAgainWithTheSameIdAndOneMoreAttempt()
    {
        await using var scope = await IsolatedAsync();
        var mail = NewMail(MailPriority.Urgent, AccountMessageKind.PasswordReset);
        await Outbox.AddAsync(mail, null, CancellationToken.None);
        var crashed = await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now, Now + Lease, CancellationToken.None);

        Assert.Empty(await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now + Lease - TimeSpan.FromSeconds(1), Now + Lease + Lease, CancellationToken.None));
        var again = await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now + Lease, Now + Lease + Lease, CancellationToken.None);

        var row = Assert.Single(again);
        Assert.Equal(mail.Id, row.Id);
        Assert.Equal(2, row.Attempts);
        Assert.False(await Outbox.MarkDeliveredAsync(crashed[0], Now, CancellationToken.None)); // the old claim lost its lease
        Assert.True(await Outbox.MarkDeliveredAsync(row, Now, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_ManyClaimersAtOnce_EachRowLeasedToOneClaim()
    {
        await using var scope = await IsolatedAsync();
        const int rows = 60;
        for (var i = 0; i < rows; i++)
        {
            await Outbox.AddAsync(NewMail(i % 3 == 0 ? MailPriority.Urgent : MailPriority.Notice), null, CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<OutboxMail>();
            IReadOnlyList<OutboxMail> batch;
            do
            {
                batch = await Outbox.ClaimAsync(Guid.NewGuid(), 5, Now, Now + Lease, CancellationToken.None);
                mine.AddRange(batch);
            }
            while (batch.Count > 0);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(rows, all.Count);
        Assert.Equal(rows, all.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task MarkDeliveredAsync_ClaimedRow_DropsTheBodiesAndLinkAndIsNotClaimedAgain()
    {
        await using var scope = await IsolatedAsync();
        await Outbox.AddAsync(NewMail(MailPriority.Urgent, AccountMessageKind.PasswordReset), null, CancellationToken.None);
        var claimed = Assert.Single(await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now, Now + Lease, CancellationToken.None));

        Assert.True(await Outbox.MarkDeliveredAsync(claimed, Now, CancellationToken.None));
        Assert.False(await Outbox.MarkDeliveredAsync(claimed, Now, CancellationToken.None));

        await using var context = Database.CreateContext();
        var row = await context.Set<OutboxEntity>().SingleAsync(m => m.Id == claimed.Id);
        Assert.Equal(OutboxEntity.Delivered, row.State);
        Assert.Equal(string.Empty, row.TextBody);
        Assert.Equal(string.Empty, row.HtmlBody);
        Assert.Null(row.Link);
        Assert.Empty(await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now + TimeSpan.FromDays(1), Now + TimeSpan.FromDays(2), CancellationToken.None));
        Assert.Equal(new OutboxBacklog(0, null), await Outbox.GetBacklogAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MarkFailedAsync_RetryOrDead_RowWaitsUntilTheRetryOrNeverReturns()
    {
        await using var scope = await IsolatedAsync();
        var retried = NewMail(MailPriority.Urgent);
        var dead = NewMail(MailPriority.Notice);
        await Outbox.AddAsync(retried, null, CancellationToken.None);
        await Outbox.AddAsync(dead, null, CancellationToken.None);
        var claimed = await Outbox.ClaimAsync(Guid.NewGuid(), 10, Now, Now + Lease, CancellationToken.None);
        var retryAt = Now + TimeSpan.FromMinutes(5);

        Assert.True(await Outbox.MarkFailedAsync(claimed.Single(m => m.Id == retried.Id), retryAt, "SmtpException: refused", CancellationToken.None));
        Assert.True(await Outbox.MarkFailedAsync(claimed.Single(m => m.Id == dead.Id), null, "SmtpException: refused", CancellationToken.None));

        Assert.Empty(await Outbox.ClaimAsync(Guid.NewGuid(), 10, retryAt - TimeSpan.FromSeconds(1), retryAt + Lease, CancellationToken.None));
        var again = Assert.Single(await Outbox.ClaimAsync(Guid.NewGuid(), 10, retryAt, retryAt + Lease, CancellationToken.None));
        Assert.Equal(retried.Id, again.Id);
        Assert.Equal(2, again.Attempts);
        Assert.Equal(1, (await Outbox.GetBacklogAsync(CancellationToken.None)).Depth); // the dead letter is not waiting
    }

    [Fact]
    public async Task PurgeDeliveredAsync_OldDeliveredRows_DeletedInBoundedBatchesWaitingRowsKept()
    {
        await using var scope = await IsolatedAsync();
        for (var i = 0; i < 7; i++)
        {
            await Outbox.AddAsync(NewMail(MailPriority.Notice), null, CancellationToken.None);
        }

        foreach (var mail in await Outbox.ClaimAsync(Guid.NewGuid(), 5, Now, Now + Lease, CancellationToken.None))
        {
            await Outbox.MarkDeliveredAsync(mail, Now, CancellationToken.None);
        }

        var later = Now + TimeSpan.FromDays(8);
        Assert.Equal(0, await Outbox.PurgeDeliveredAsync(Now, 3, CancellationToken.None)); // not delivered *before* now
        Assert.Equal(3, await Outbox.PurgeDeliveredAsync(later, 3, CancellationToken.None));
        Assert.Equal(2, await Outbox.PurgeDeliveredAsync(later, 3, CancellationToken.None));
        Assert.Equal(0, await Outbox.PurgeDeliveredAsync(later, 3, CancellationToken.None));
        Assert.Equal(2, (await Outbox.GetBacklogAsync(CancellationToken.None)).Depth);
    }

    [Fact]
    public async Task GetBacklogAsync_WaitingRows_CountsThemAndFindsTheOldest()
    {
        await using var scope = await IsolatedAsync();
        var oldest = NewMail(MailPriority.Notice) with { CreatedAt = Now - TimeSpan.FromMinutes(3) };
        await Outbox.AddAsync(oldest, null, CancellationToken.None);
        await Outbox.AddAsync(NewMail(MailPriority.Urgent), null, CancellationToken.None);

        Assert.Equal(new OutboxBacklog(2, oldest.CreatedAt), await Outbox.GetBacklogAsync(CancellationToken.None));
    }

    internal static OutboxMail NewMail(MailPriority priority, AccountMessageKind kind = AccountMessageKind.LockoutNotice, DateTimeOffset? at = null)
    {
        var id = Guid.NewGuid();
        return new OutboxMail
        {
            Id = id,
            Message = new AccountMessage(kind, $"{id:N}@example.com", "Subject", "Text\n", "<p>Text</p>", new Uri("https://accounts.example.com/reset?token=" + id.ToString("N")))
            {
                MessageId = id.ToString("N"),
            },
            Priority = priority,
            CreatedAt = at ?? TestData.Start,
        };
    }

    // The tests of a class share one database: each test that counts or claims rows starts from an empty outbox and
    // holds the class's lock so no other test of the class writes meanwhile.
    private async Task<IAsyncDisposable> IsolatedAsync()
    {
        await Gate.WaitAsync();
        await using var context = Database.CreateContext();
        await context.Set<OutboxEntity>().ExecuteDeleteAsync();
        return new Release();
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    private sealed class Release : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class SqliteMailOutboxTests(SqliteDatabase database) : MailOutboxTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresMailOutboxTests(PostgresDatabase database) : MailOutboxTests<PostgresDatabase>(database);
