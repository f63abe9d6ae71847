using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Stores;

/// <summary>
/// The EF Core account store on a real database, one subclass per provider: what the conformance kit
/// (<c>Conformance/</c>) does not see — instants at other offsets, the version token, the two-step fallback, rows
/// the host writes itself — plus the main contract paths, so a failure here names the store, not the kit.
/// </summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class AccountStoreTests<TDatabase> : StoreTestBase<TDatabase>
    where TDatabase : StoreDatabase
{
    private const int Callers = 100;
    private static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    protected AccountStoreTests(TDatabase database)
        : base(database)
    {
    }

    [Fact]
    public async Task FindByIdAsync_UnknownAccount_ReturnsNull()
    {
        Assert.Null(await Accounts.FindByIdAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await Accounts.FindByLookupKeyAsync(TestData.NewEmail(), CancellationToken.None));
    }

    [Fact]
    public async Task CreateWithSerialAsync_ActivatedSerial_StoresAccountAndLinksSerial()
    {
        var serial = TestData.NewSerial();
        await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", Now, CancellationToken.None);
        // A creation time at a non-UTC offset comes back as the same instant.
        var account = TestData.NewAccount(new DateTimeOffset(2025, 3, 1, 11, 30, 0, TimeSpan.FromHours(2)));
        var linkedAt = Now.AddSeconds(1);

        var status = await Accounts.CreateWithSerialAsync(account, serial, linkedAt, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        var byId = await Accounts.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.NotNull(byId);
        Assert.Equal(account.Email, byId.Email);
        Assert.Equal(account.LookupKey, byId.LookupKey);
        Assert.Equal(account.PasswordHash, byId.PasswordHash);
        Assert.Equal(account.SecurityStamp, byId.SecurityStamp);
        Assert.Equal(0, byId.FailedSignInCount);
        Assert.Null(byId.LockoutEnd);
        Assert.Equal(account.CreatedAt, byId.CreatedAt);
        Assert.Equal(account.Id, (await Accounts.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None))?.Id);

        var linked = await Accounts.FindSerialAsync(serial, CancellationToken.None);
        Assert.NotNull(linked);
        Assert.Equal(account.Id, linked.AccountId);
        Assert.Equal(linkedAt, linked.LinkedAt);
        Assert.Equal(serial, Assert.Single(await Accounts.FindSerialsByAccountAsync(account.Id, CancellationToken.None)).Serial);
    }

    [Fact]
    public async Task FindByLookupKeyAsync_OtherCase_ReturnsNull()
    {
        // The lookup key is already normalized by the caller; the store compares it exactly.
        var account = await TestData.CreateAccountAsync(Accounts, Now);

        Assert.Null(await Accounts.FindByLookupKeyAsync(account.LookupKey.ToLowerInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task CreateWithSerialAsync_DuplicateLookupKey_ReturnsDuplicateEmailAndWritesNothing()
    {
        var existing = await TestData.CreateAccountAsync(Accounts, Now);
        var serial = TestData.NewSerial();
        await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, null, Now, CancellationToken.None);
        var duplicate = TestData.NewAccount(Now, existing.Email);

        var status = await Accounts.CreateWithSerialAsync(duplicate, serial, Now, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.DuplicateEmail, status);
        Assert.Null(await Accounts.FindByIdAsync(duplicate.Id, CancellationToken.None));
        Assert.Null((await Accounts.FindSerialAsync(serial, CancellationToken.None))?.AccountId);
    }

    [Fact]
    public async Task CreateWithSerialAsync_UnknownSerial_ReturnsNotFoundAndWritesNothing()
    {
        var account = TestData.NewAccount(Now);

        var status = await Accounts.CreateWithSerialAsync(account, TestData.NewSerial(), Now, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.NotFound, status);
        Assert.Null(await Accounts.FindByIdAsync(account.Id, CancellationToken.None));
    }

    [Fact]
    public async Task CreateWithSerialAsync_SerialNotActivated_ReturnsSerialNotActivatedAndWritesNothing()
    {
        var serial = await AddUnactivatedSerialAsync();
        var account = TestData.NewAccount(Now);

        var status = await Accounts.CreateWithSerialAsync(account, serial, Now, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialNotActivated, status);
        Assert.Null(await Accounts.FindByIdAsync(account.Id, CancellationToken.None));
    }

    [Fact]
    public async Task CreateWithSerialAsync_SerialAlreadyLinked_ReturnsSerialAlreadyLinkedAndWritesNothing()
    {
        var serial = TestData.NewSerial();
        await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, null, Now, CancellationToken.None);
        var first = TestData.NewAccount(Now);
        Assert.Equal(StoreWriteStatus.Succeeded, await Accounts.CreateWithSerialAsync(first, serial, Now, CancellationToken.None));
        var second = TestData.NewAccount(Now);

        var status = await Accounts.CreateWithSerialAsync(second, serial, Now, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, status);
        Assert.Null(await Accounts.FindByIdAsync(second.Id, CancellationToken.None));
        Assert.Equal(first.Id, (await Accounts.FindSerialAsync(serial, CancellationToken.None))?.AccountId);
    }

    [Fact]
    public async Task ChangePasswordAsync_ExpectedStamp_ReplacesHashAndStampAndClearsLockout()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        await LockAsync(account.Id);

        var status = await Accounts.ChangePasswordAsync(account.Id, account.SecurityStamp, "new-hash", "NEWSTAMP", CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        var changed = await Accounts.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.NotNull(changed);
        Assert.Equal("new-hash", changed.PasswordHash);
        Assert.Equal("NEWSTAMP", changed.SecurityStamp);
        Assert.Null(changed.LockoutEnd);
        Assert.Equal(0, changed.FailedSignInCount);
    }

    [Fact]
    public async Task ChangePasswordAsync_StaleStamp_ReturnsConflictAndChangesNothing()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);

        var status = await Accounts.ChangePasswordAsync(account.Id, "STALE", "new-hash", "NEWSTAMP", CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Conflict, status);
        var unchanged = await Accounts.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.Equal(account.PasswordHash, unchanged?.PasswordHash);
        Assert.Equal(account.SecurityStamp, unchanged?.SecurityStamp);
    }

    [Fact]
    public async Task ChangePasswordAsync_UnknownAccount_ReturnsNotFound()
    {
        Assert.Equal(StoreWriteStatus.NotFound, await Accounts.ChangePasswordAsync(Guid.NewGuid(), "STAMP", "hash", "NEW", CancellationToken.None));
    }

    [Fact]
    public async Task UpgradePasswordHashAsync_ExpectedHash_ReplacesHashAndKeepsStamp()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);

        var status = await Accounts.UpgradePasswordHashAsync(account.Id, account.PasswordHash, "upgraded", CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        var stored = await Accounts.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.Equal("upgraded", stored?.PasswordHash);
        Assert.Equal(account.SecurityStamp, stored?.SecurityStamp);
    }

    [Fact]
    public async Task UpgradePasswordHashAsync_HashChangedMeanwhile_ReturnsConflict()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        Assert.Equal(StoreWriteStatus.Succeeded, await Accounts.ChangePasswordAsync(account.Id, account.SecurityStamp, "reset-hash", "NEWSTAMP", CancellationToken.None));

        var status = await Accounts.UpgradePasswordHashAsync(account.Id, account.PasswordHash, "upgraded", CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Conflict, status);
        Assert.Equal("reset-hash", (await Accounts.FindByIdAsync(account.Id, CancellationToken.None))?.PasswordHash);
        Assert.Equal(StoreWriteStatus.NotFound, await Accounts.UpgradePasswordHashAsync(Guid.NewGuid(), "a", "b", CancellationToken.None));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_ReachingThreshold_CountsThenLocksOnceThenRefuses()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var until = Now + LockoutDuration;

        var outcomes = new List<FailedSignInOutcome>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add(await Accounts.RecordFailedSignInAsync(account.Id, 5, until, Now, CancellationToken.None));
        }

        Assert.Equal([1, 2, 3, 4], outcomes.Take(4).Select(o => o.FailedCount));
        Assert.All(outcomes.Take(4), o => Assert.Equal(FailedSignInStatus.Counted, o.Status));
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, until), outcomes[4]);
        Assert.Equal(FailedSignInStatus.AlreadyLockedOut, outcomes[5].Status);
        Assert.Equal(until, outcomes[5].LockoutEnd);
        var stored = await Accounts.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.Equal(until, stored?.LockoutEnd);
        Assert.Equal(0, stored?.FailedSignInCount);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_AtLockoutEnd_CountsAgain()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var until = await LockAsync(account.Id);

        var justBefore = await Accounts.RecordFailedSignInAsync(account.Id, 5, until + LockoutDuration, until.AddTicks(-10), CancellationToken.None);
        var atEnd = await Accounts.RecordFailedSignInAsync(account.Id, 5, until + LockoutDuration, until, CancellationToken.None);

        Assert.Equal(FailedSignInStatus.AlreadyLockedOut, justBefore.Status);
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 1, null), atEnd);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_UnknownAccount_ReturnsNotFound()
    {
        var outcome = await Accounts.RecordFailedSignInAsync(Guid.NewGuid(), 5, Now + LockoutDuration, Now, CancellationToken.None);

        Assert.Equal(FailedSignInStatus.NotFound, outcome.Status);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_TwoStepFallback_CountsLocksOnceAndRefuses()
    {
        // Databases without UPDATE ... RETURNING get two conditional updates; run that path here too.
        var store = TwoStepStore();
        var account = await TestData.CreateAccountAsync(store, Now);
        var until = Now + LockoutDuration;

        var sequential = new List<FailedSignInOutcome>();
        for (var i = 0; i < 3; i++)
        {
            sequential.Add(await store.RecordFailedSignInAsync(account.Id, 3, until, Now, CancellationToken.None));
        }

        Assert.Equal(
            [new(FailedSignInStatus.Counted, 1, null), new(FailedSignInStatus.Counted, 2, null), new(FailedSignInStatus.LockedOut, 0, until)],
            sequential);
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.AlreadyLockedOut, 0, until), await store.RecordFailedSignInAsync(account.Id, 3, until, Now, CancellationToken.None));
        Assert.Equal(FailedSignInStatus.NotFound, (await store.RecordFailedSignInAsync(Guid.NewGuid(), 3, until, Now, CancellationToken.None)).Status);

        var later = until + TimeSpan.FromMinutes(1);
        var burst = await TestData.InParallelAsync(Callers, _ => store.RecordFailedSignInAsync(account.Id, 5, later + LockoutDuration, later, CancellationToken.None));

        Assert.Single(burst, o => o.Status == FailedSignInStatus.LockedOut);
        Assert.True(burst.Count(o => o.Status == FailedSignInStatus.Counted) >= 4);
        Assert.Equal(later + LockoutDuration, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.LockoutEnd);
    }

    [Fact]
    public async Task ResetFailedSignInsAsync_CountedFailures_ResetsCount()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        await Accounts.RecordFailedSignInAsync(account.Id, 5, Now + LockoutDuration, Now, CancellationToken.None);
        await Accounts.RecordFailedSignInAsync(account.Id, 5, Now + LockoutDuration, Now, CancellationToken.None);

        await Accounts.ResetFailedSignInsAsync(account.Id, CancellationToken.None);

        Assert.Equal(0, (await Accounts.FindByIdAsync(account.Id, CancellationToken.None))?.FailedSignInCount);
    }

    [Fact]
    public async Task ResetFailedSignInsAsync_ExpiredLockout_ClearsIt()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var until = await LockAsync(account.Id);
        Assert.Equal(FailedSignInStatus.Counted, (await Accounts.RecordFailedSignInAsync(account.Id, 5, until + LockoutDuration, until, CancellationToken.None)).Status);

        await Accounts.ResetFailedSignInsAsync(account.Id, CancellationToken.None);

        Assert.Equal(account, await Accounts.FindByIdAsync(account.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ResetFailedSignInsAsync_NothingToReset_WritesNothing()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var before = await VersionOfAsync(account.Id);

        await Accounts.ResetFailedSignInsAsync(account.Id, CancellationToken.None);
        await Accounts.ResetFailedSignInsAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(before, await VersionOfAsync(account.Id));
    }

    [Fact]
    public async Task RecordActivationAsync_NewSerial_CreatesUnlinkedRecord()
    {
        var serial = TestData.NewSerial();

        var record = await Accounts.RecordActivationAsync(serial, PurchaseChannel.Reseller, "TMS-2016", Now, CancellationToken.None);

        Assert.Equal(new SerialRecord { Serial = serial, Channel = PurchaseChannel.Reseller, ProductCode = "TMS-2016", ActivatedAt = Now }, record);
        Assert.Equal(record, await Accounts.FindSerialAsync(serial, CancellationToken.None));
    }

    [Fact]
    public async Task RecordActivationAsync_LinkedSerial_UpdatesActivationAndKeepsLink()
    {
        var serial = TestData.NewSerial();
        await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2016", Now, CancellationToken.None);
        var account = TestData.NewAccount(Now);
        Assert.Equal(StoreWriteStatus.Succeeded, await Accounts.CreateWithSerialAsync(account, serial, Now, CancellationToken.None));
        Time.Advance(TimeSpan.FromDays(30));

        var record = await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", Now, CancellationToken.None);

        Assert.Equal("TIS-2017", record.ProductCode);
        Assert.Equal(Now, record.ActivatedAt);
        Assert.Equal(account.Id, record.AccountId);
        Assert.Equal(TestData.Start, record.LinkedAt);
    }

    [Fact]
    public async Task RecordActivationAsync_NoProductCode_KeepsTheKnownOne()
    {
        var serial = TestData.NewSerial();
        await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", Now, CancellationToken.None);

        var record = await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, null, Now.AddHours(1), CancellationToken.None);

        Assert.Equal("TIS-2017", record.ProductCode);
        Assert.Equal(Now.AddHours(1), record.ActivatedAt);
    }

    [Fact]
    public async Task RecordActivationAsync_ParallelCallersOnANewSerial_CreateOneRecord()
    {
        var serial = TestData.NewSerial();

        var records = await TestData.InParallelAsync(20, i => Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, $"P{i}", Now, CancellationToken.None));

        Assert.All(records, r => Assert.Equal(serial, r.Serial));
        await using var context = Database.CreateContext();
        Assert.Equal(1, await context.Set<SerialEntity>().CountAsync(s => s.Serial == serial));
    }

    [Fact]
    public async Task LinkSerialAsync_ActivatedUnlinkedSerial_LinksIt()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var serial = TestData.NewSerial();
        await Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, null, Now, CancellationToken.None);

        var status = await Accounts.LinkSerialAsync(serial, account.Id, Now.AddMinutes(5), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        var serials = await Accounts.FindSerialsByAccountAsync(account.Id, CancellationToken.None);
        Assert.Equal(2, serials.Count);
        Assert.Equal(Now.AddMinutes(5), serials.Single(s => s.Serial == serial).LinkedAt);
    }

    [Fact]
    public async Task LinkSerialAsync_Refusals_ReturnTheReasonAndWriteNothing()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var other = await TestData.CreateAccountAsync(Accounts, Now);
        var activated = TestData.NewSerial();
        await Accounts.RecordActivationAsync(activated, PurchaseChannel.Direct, null, Now, CancellationToken.None);
        var unactivated = await AddUnactivatedSerialAsync();
        var linkedToOther = Assert.Single(await Accounts.FindSerialsByAccountAsync(other.Id, CancellationToken.None)).Serial;

        Assert.Equal(StoreWriteStatus.NotFound, await Accounts.LinkSerialAsync(TestData.NewSerial(), account.Id, Now, CancellationToken.None));
        Assert.Equal(StoreWriteStatus.NotFound, await Accounts.LinkSerialAsync(activated, Guid.NewGuid(), Now, CancellationToken.None));
        Assert.Equal(StoreWriteStatus.SerialNotActivated, await Accounts.LinkSerialAsync(unactivated, account.Id, Now, CancellationToken.None));
        Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, await Accounts.LinkSerialAsync(linkedToOther, account.Id, Now, CancellationToken.None));
        Assert.Null((await Accounts.FindSerialAsync(activated, CancellationToken.None))?.AccountId);
        Assert.Equal(other.Id, (await Accounts.FindSerialAsync(linkedToOther, CancellationToken.None))?.AccountId);
    }

    [Fact]
    public async Task Writes_BumpTheVersion_SoAStaleTrackedEditFails()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        await using var host = Database.CreateContext();
        var tracked = await host.Set<AccountEntity>().SingleAsync(a => a.Id == account.Id);
        var versionBefore = tracked.Version;

        await Accounts.RecordFailedSignInAsync(account.Id, 5, Now + LockoutDuration, Now, CancellationToken.None);
        tracked.Email = "edited@example.com";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => host.SaveChangesAsync());
        await using var fresh = Database.CreateContext();
        Assert.Equal(versionBefore + 1, (await fresh.Set<AccountEntity>().SingleAsync(a => a.Id == account.Id)).Version);
        Assert.Equal(account.Email, (await Accounts.FindByIdAsync(account.Id, CancellationToken.None))?.Email);
    }

    [Fact]
    public async Task Operations_CancelledToken_ThrowAndWriteNothing()
    {
        var account = await TestData.CreateAccountAsync(Accounts, Now);
        var serial = TestData.NewSerial();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var ct = cancelled.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.FindByIdAsync(account.Id, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.FindByLookupKeyAsync(account.LookupKey, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.RecordActivationAsync(serial, PurchaseChannel.Direct, null, Now, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.CreateWithSerialAsync(TestData.NewAccount(Now), serial, Now, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.ChangePasswordAsync(account.Id, account.SecurityStamp, "h", "s", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.UpgradePasswordHashAsync(account.Id, account.PasswordHash, "h", ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.RecordFailedSignInAsync(account.Id, 1, Now.AddHours(1), Now, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.ResetFailedSignInsAsync(account.Id, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.FindSerialAsync(serial, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.FindSerialsByAccountAsync(account.Id, ct));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Accounts.LinkSerialAsync(serial, account.Id, Now, ct));

        Assert.Equal(account, await Accounts.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Null(await Accounts.FindSerialAsync(serial, CancellationToken.None));
    }

    private EntityFrameworkAccountStore<TestDbContext> TwoStepStore() =>
        new(Services.GetRequiredService<DbContextSource<TestDbContext>>()) { UseUpdateReturning = false };

    private async Task<long> VersionOfAsync(Guid accountId)
    {
        await using var context = Database.CreateContext();
        return await context.Set<AccountEntity>().Where(a => a.Id == accountId).Select(a => a.Version).SingleAsync();
    }

    private async Task<DateTimeOffset> LockAsync(Guid accountId)
    {
        var until = Now + LockoutDuration;
        var outcome = await Accounts.RecordFailedSignInAsync(accountId, 1, until, Now, CancellationToken.None);
        Assert.Equal(FailedSignInStatus.LockedOut, outcome.Status);
        return until;
    }

    private async Task<string> AddUnactivatedSerialAsync()
    {
        // Serials known from a sales import but never activated; the stores never write such rows themselves.
        var serial = TestData.NewSerial();
        await using var context = Database.CreateContext();
        context.Set<SerialEntity>().Add(new SerialEntity { Serial = serial, Channel = PurchaseChannel.Direct });
        await context.SaveChangesAsync();
        return serial;
    }
}

public sealed class SqliteAccountStoreTests(SqliteDatabase database) : AccountStoreTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresAccountStoreTests(PostgresDatabase database) : AccountStoreTests<PostgresDatabase>(database);
