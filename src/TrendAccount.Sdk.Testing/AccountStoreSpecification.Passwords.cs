using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AccountStoreSpecification
{
    /// <summary>A change with the current stamp replaces the hash and the stamp and nothing else about the account.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ChangePasswordAsync_CurrentStamp_ReplacesHashAndStamp()
    {
        var store = await NewStoreAsync();
        var (account, serial) = await RegisterAsync(store);
        var newHash = NewPasswordHash();
        var newStamp = AccountRecord.NewSecurityStamp();

        var status = await store.ChangePasswordAsync(account.Id, account.SecurityStamp, newHash, newStamp, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        var expected = account with { PasswordHash = newHash, SecurityStamp = newStamp };
        Assert.Equal(expected, await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Equal(expected, await store.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None));
        Assert.Equal(account.Id, (await store.FindSerialAsync(serial, CancellationToken.None))?.AccountId);
    }

    /// <summary>A change with the current stamp resets the failed sign-in count.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ChangePasswordAsync_AfterFailedSignIns_ResetsFailedCount()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 5, Origin.AddMinutes(15), Origin, CancellationToken.None);
        await store.RecordFailedSignInAsync(account.Id, 5, Origin.AddMinutes(15), Origin, CancellationToken.None);
        Assert.Equal(2, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.FailedSignInCount);

        Assert.Equal(StoreWriteStatus.Succeeded, await store.ChangePasswordAsync(account.Id, account.SecurityStamp, NewPasswordHash(), AccountRecord.NewSecurityStamp(), CancellationToken.None));

        var changed = await store.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.NotNull(changed);
        Assert.Equal(0, changed.FailedSignInCount);
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 1, null), await store.RecordFailedSignInAsync(account.Id, 5, Origin.AddMinutes(15), Origin, CancellationToken.None));
    }

    /// <summary>A change with the current stamp ends a lockout that is still running (a password reset unlocks the account).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ChangePasswordAsync_WhileLockedOut_ClearsLockout()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var locked = await store.RecordFailedSignInAsync(account.Id, 1, Origin.AddMinutes(15), Origin, CancellationToken.None);
        Assert.Equal(FailedSignInStatus.LockedOut, locked.Status);

        Assert.Equal(StoreWriteStatus.Succeeded, await store.ChangePasswordAsync(account.Id, account.SecurityStamp, NewPasswordHash(), AccountRecord.NewSecurityStamp(), CancellationToken.None));

        var changed = await store.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.NotNull(changed);
        Assert.Null(changed.LockoutEnd);
        Assert.False(changed.IsLockedOutAt(Origin.AddMinutes(1)));
        Assert.Equal(FailedSignInStatus.Counted, (await store.RecordFailedSignInAsync(account.Id, 5, Origin.AddMinutes(30), Origin.AddMinutes(1), CancellationToken.None)).Status);
    }

    /// <summary>A change with a stamp that is no longer current is a conflict and changes nothing (the password was changed in between).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ChangePasswordAsync_StaleStamp_ReturnsConflictAndChangesNothing()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var currentStamp = AccountRecord.NewSecurityStamp();
        Assert.Equal(StoreWriteStatus.Succeeded, await store.ChangePasswordAsync(account.Id, account.SecurityStamp, NewPasswordHash(), currentStamp, CancellationToken.None));
        await store.RecordFailedSignInAsync(account.Id, 5, Origin.AddMinutes(15), Origin, CancellationToken.None);
        var before = await store.FindByIdAsync(account.Id, CancellationToken.None);

        var status = await store.ChangePasswordAsync(account.Id, account.SecurityStamp, NewPasswordHash(), AccountRecord.NewSecurityStamp(), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Conflict, status);
        Assert.Equal(before, await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Equal(currentStamp, before?.SecurityStamp);
        Assert.Equal(1, before?.FailedSignInCount);
    }

    /// <summary>A change for an account that does not exist reports it and creates nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ChangePasswordAsync_UnknownAccount_ReturnsNotFound()
    {
        var store = await NewStoreAsync();
        var id = Guid.NewGuid();

        Assert.Equal(StoreWriteStatus.NotFound, await store.ChangePasswordAsync(id, AccountRecord.NewSecurityStamp(), NewPasswordHash(), AccountRecord.NewSecurityStamp(), CancellationToken.None));
        Assert.Null(await store.FindByIdAsync(id, CancellationToken.None));
    }

    /// <summary>Many changes racing with the same expected stamp: exactly one applies, every other is a conflict, and the stored values are the winner's.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ChangePasswordAsync_ParallelCallersOneStamp_ExactlyOneSucceeds()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var hashes = Enumerable.Range(0, ParallelCallers).Select(_ => NewPasswordHash()).ToArray();
        var stamps = Enumerable.Range(0, ParallelCallers).Select(_ => AccountRecord.NewSecurityStamp()).ToArray();

        var statuses = await RunConcurrentlyAsync(ParallelCallers, i => store.ChangePasswordAsync(account.Id, account.SecurityStamp, hashes[i], stamps[i], CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, ParallelCallers), i => statuses[i] == StoreWriteStatus.Succeeded);
        Assert.All(statuses.Where((_, i) => i != winner), s => Assert.Equal(StoreWriteStatus.Conflict, s));
        Assert.Equal(account with { PasswordHash = hashes[winner], SecurityStamp = stamps[winner] }, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>An upgrade of the verified hash replaces it and keeps the security stamp, so no session dies.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task UpgradePasswordHashAsync_CurrentHash_ReplacesHashAndKeepsStamp()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var upgraded = NewPasswordHash();

        Assert.Equal(StoreWriteStatus.Succeeded, await store.UpgradePasswordHashAsync(account.Id, account.PasswordHash, upgraded, CancellationToken.None));

        Assert.Equal(account with { PasswordHash = upgraded }, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>An upgrade of a hash that was replaced in between (a password change won the race) is a conflict and changes nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task UpgradePasswordHashAsync_HashChangedMeanwhile_ReturnsConflictAndChangesNothing()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        Assert.Equal(StoreWriteStatus.Succeeded, await store.ChangePasswordAsync(account.Id, account.SecurityStamp, NewPasswordHash(), AccountRecord.NewSecurityStamp(), CancellationToken.None));
        var before = await store.FindByIdAsync(account.Id, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Conflict, await store.UpgradePasswordHashAsync(account.Id, account.PasswordHash, NewPasswordHash(), CancellationToken.None));

        Assert.Equal(before, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>An upgrade for an account that does not exist reports it and creates nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task UpgradePasswordHashAsync_UnknownAccount_ReturnsNotFound()
    {
        var store = await NewStoreAsync();
        var id = Guid.NewGuid();

        Assert.Equal(StoreWriteStatus.NotFound, await store.UpgradePasswordHashAsync(id, NewPasswordHash(), NewPasswordHash(), CancellationToken.None));
        Assert.Null(await store.FindByIdAsync(id, CancellationToken.None));
    }

    /// <summary>Many upgrades racing from the same verified hash: exactly one applies, every other is a conflict.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task UpgradePasswordHashAsync_ParallelCallersOneHash_ExactlyOneSucceeds()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var hashes = Enumerable.Range(0, ParallelCallers).Select(_ => NewPasswordHash()).ToArray();

        var statuses = await RunConcurrentlyAsync(ParallelCallers, i => store.UpgradePasswordHashAsync(account.Id, account.PasswordHash, hashes[i], CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, ParallelCallers), i => statuses[i] == StoreWriteStatus.Succeeded);
        Assert.All(statuses.Where((_, i) => i != winner), s => Assert.Equal(StoreWriteStatus.Conflict, s));
        Assert.Equal(account with { PasswordHash = hashes[winner] }, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }
}
