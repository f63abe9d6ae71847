using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AccountStoreSpecification
{
    /// <summary>An activated, unlinked serial registers a new account: the account is stored and the serial is linked to it.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_ActivatedUnlinkedSerial_CreatesAccountAndLinksSerial()
    {
        var store = await NewStoreAsync();
        var serial = await ActivateAsync(store);
        var account = NewAccount();
        var linkedAt = Origin.AddMinutes(5);

        var status = await store.CreateWithSerialAsync(account, serial, linkedAt, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        Assert.Equal(account, await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Equal(account, await store.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None));
        var linked = await store.FindSerialAsync(serial, CancellationToken.None);
        Assert.NotNull(linked);
        Assert.Equal(account.Id, linked.AccountId);
        Assert.Equal(linkedAt, linked.LinkedAt);
        Assert.Equal(Origin, linked.ActivatedAt);
        Assert.Equal("TIS-2017", linked.ProductCode);
        Assert.Equal(linked, Assert.Single(await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None)));
    }

    /// <summary>A second account with a taken lookup key is refused as a duplicate email, and nothing of it is written.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_DuplicateLookupKey_ReturnsDuplicateEmailAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var (first, firstSerial) = await RegisterAsync(store);
        var freeSerial = await ActivateAsync(store);
        var freeBefore = await store.FindSerialAsync(freeSerial, CancellationToken.None);
        var duplicate = NewAccount(first.LookupKey);

        var status = await store.CreateWithSerialAsync(duplicate, freeSerial, Origin.AddMinutes(5), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.DuplicateEmail, status);
        await AssertNotStoredAsync(store, duplicate);
        Assert.Equal(first, await store.FindByLookupKeyAsync(first.LookupKey, CancellationToken.None));
        Assert.Equal(freeBefore, await store.FindSerialAsync(freeSerial, CancellationToken.None));
        Assert.Equal(first.Id, (await store.FindSerialAsync(firstSerial, CancellationToken.None))?.AccountId);
    }

    /// <summary>A serial already linked to an account cannot register another, and nothing of the new account is written.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_SerialAlreadyLinked_ReturnsSerialAlreadyLinkedAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var (first, serial) = await RegisterAsync(store);
        var serialBefore = await store.FindSerialAsync(serial, CancellationToken.None);
        var second = NewAccount();

        var status = await store.CreateWithSerialAsync(second, serial, Origin.AddMinutes(5), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, status);
        await AssertNotStoredAsync(store, second);
        Assert.Null(await store.FindByLookupKeyAsync(second.LookupKey, CancellationToken.None));
        Assert.Equal(serialBefore, await store.FindSerialAsync(serial, CancellationToken.None));
        Assert.Equal(first, await store.FindByIdAsync(first.Id, CancellationToken.None));
    }

    /// <summary>A serial the store has never seen cannot register an account, and neither the account nor the serial is written.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_UnknownSerial_ReturnsNotFoundAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var serial = NewSerial();
        var account = NewAccount();

        var status = await store.CreateWithSerialAsync(account, serial, Origin.AddMinutes(5), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.NotFound, status);
        await AssertNotStoredAsync(store, account);
        Assert.Null(await store.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None));
        Assert.Null(await store.FindSerialAsync(serial, CancellationToken.None));
    }

    /// <summary>A known serial that was never activated cannot register an account, and nothing is written (needs <see cref="SeedUnactivatedSerialAsync"/>).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_SerialNotActivated_ReturnsSerialNotActivatedAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var serial = await SeedUnactivatedAsync(store);
        if (serial is null)
        {
            return;
        }

        var before = await store.FindSerialAsync(serial, CancellationToken.None);
        var account = NewAccount();

        var status = await store.CreateWithSerialAsync(account, serial, Origin.AddMinutes(5), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialNotActivated, status);
        await AssertNotStoredAsync(store, account);
        Assert.Null(await store.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None));
        Assert.Equal(before, await store.FindSerialAsync(serial, CancellationToken.None));
    }

    /// <summary>Many registrations racing for one serial: exactly one account is created, every other caller is told the serial is linked.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_ParallelCallersOneSerial_ExactlyOneAccountCreated()
    {
        var store = await NewStoreAsync();
        var serial = await ActivateAsync(store);
        var accounts = Enumerable.Range(0, ParallelCallers).Select(_ => NewAccount()).ToArray();

        var statuses = await RunConcurrentlyAsync(ParallelCallers, i => store.CreateWithSerialAsync(accounts[i], serial, Origin.AddMinutes(5), CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, ParallelCallers), i => statuses[i] == StoreWriteStatus.Succeeded);
        Assert.All(statuses.Where((_, i) => i != winner), s => Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, s));
        Assert.Equal(accounts[winner].Id, (await store.FindSerialAsync(serial, CancellationToken.None))?.AccountId);
        foreach (var loser in accounts.Where((_, i) => i != winner))
        {
            Assert.Null(await store.FindByIdAsync(loser.Id, CancellationToken.None));
            Assert.Null(await store.FindByLookupKeyAsync(loser.LookupKey, CancellationToken.None));
        }
    }

    /// <summary>Many registrations racing for one email with different serials: exactly one account is created, the other serials stay unlinked.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task CreateWithSerialAsync_ParallelCallersOneEmail_ExactlyOneAccountCreated()
    {
        var store = await NewStoreAsync();
        var lookupKey = NewAccount().LookupKey;
        var accounts = Enumerable.Range(0, ParallelCallers).Select(_ => NewAccount(lookupKey)).ToArray();
        var serials = new string[ParallelCallers];
        for (var i = 0; i < serials.Length; i++)
        {
            serials[i] = await ActivateAsync(store);
        }

        var statuses = await RunConcurrentlyAsync(ParallelCallers, i => store.CreateWithSerialAsync(accounts[i], serials[i], Origin.AddMinutes(5), CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, ParallelCallers), i => statuses[i] == StoreWriteStatus.Succeeded);
        Assert.All(statuses.Where((_, i) => i != winner), s => Assert.Equal(StoreWriteStatus.DuplicateEmail, s));
        Assert.Equal(accounts[winner], await store.FindByLookupKeyAsync(lookupKey, CancellationToken.None));
        for (var i = 0; i < ParallelCallers; i++)
        {
            var serial = await store.FindSerialAsync(serials[i], CancellationToken.None);
            Assert.Equal(i == winner ? accounts[i].Id : null, serial?.AccountId);
            if (i != winner)
            {
                Assert.Null(await store.FindByIdAsync(accounts[i].Id, CancellationToken.None));
            }
        }
    }

    /// <summary>A first activation creates an activated serial record with no account.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordActivationAsync_NewSerial_CreatesActivatedUnlinkedRecord()
    {
        var store = await NewStoreAsync();
        var serial = NewSerial();

        var returned = await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TMS-2016", Origin, CancellationToken.None);

        Assert.Equal(serial, returned.Serial);
        Assert.Equal(PurchaseChannel.Direct, returned.Channel);
        Assert.Equal("TMS-2016", returned.ProductCode);
        Assert.Equal(Origin, returned.ActivatedAt);
        Assert.Null(returned.AccountId);
        Assert.Null(returned.LinkedAt);
        Assert.Equal(returned, await store.FindSerialAsync(serial, CancellationToken.None));
    }

    /// <summary>Activating a known serial again updates its product code and activation time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordActivationAsync_KnownSerial_UpdatesProductCodeAndActivationTime()
    {
        var store = await NewStoreAsync();
        var serial = await ActivateAsync(store, "TIS-2016");

        var returned = await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", Origin.AddDays(30), CancellationToken.None);

        Assert.Equal("TIS-2017", returned.ProductCode);
        Assert.Equal(Origin.AddDays(30), returned.ActivatedAt);
        Assert.Null(returned.AccountId);
        Assert.Equal(returned, await store.FindSerialAsync(serial, CancellationToken.None));
    }

    /// <summary>Activating a linked serial again never changes the account it is linked to, nor when it was linked.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordActivationAsync_LinkedSerial_KeepsTheLink()
    {
        var store = await NewStoreAsync();
        var (account, serial) = await RegisterAsync(store);

        var returned = await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TMS-2017", Origin.AddDays(30), CancellationToken.None);

        Assert.Equal(account.Id, returned.AccountId);
        Assert.Equal(Origin.AddMinutes(1), returned.LinkedAt);
        Assert.Equal("TMS-2017", returned.ProductCode);
        Assert.Equal(Origin.AddDays(30), returned.ActivatedAt);
        Assert.Equal(returned, await store.FindSerialAsync(serial, CancellationToken.None));
        Assert.Equal(serial, Assert.Single(await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None)).Serial);
    }

    /// <summary>Activating a known, unactivated serial activates it, after which it can register an account (needs <see cref="SeedUnactivatedSerialAsync"/>).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordActivationAsync_UnactivatedSerial_MakesItRegistrable()
    {
        var store = await NewStoreAsync();
        var serial = await SeedUnactivatedAsync(store);
        if (serial is null)
        {
            return;
        }

        var returned = await store.RecordActivationAsync(serial, PurchaseChannel.Direct, "TIS-2017", Origin, CancellationToken.None);

        Assert.True(returned.IsActivated);
        Assert.Null(returned.AccountId);
        Assert.Equal(StoreWriteStatus.Succeeded, await store.CreateWithSerialAsync(NewAccount(), serial, Origin.AddMinutes(1), CancellationToken.None));
    }

    /// <summary>An activated, unlinked serial links to an existing account.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_ActivatedUnlinkedSerial_LinksIt()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var serial = await ActivateAsync(store);
        var linkedAt = Origin.AddHours(2);

        var status = await store.LinkSerialAsync(serial, account.Id, linkedAt, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Succeeded, status);
        var linked = await store.FindSerialAsync(serial, CancellationToken.None);
        Assert.NotNull(linked);
        Assert.Equal(account.Id, linked.AccountId);
        Assert.Equal(linkedAt, linked.LinkedAt);
        Assert.Equal(Origin, linked.ActivatedAt);
        Assert.Contains(linked, await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None));
        Assert.Equal(account, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>A serial the store has never seen cannot be linked, and is not created.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_UnknownSerial_ReturnsNotFound()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var serial = NewSerial();

        Assert.Equal(StoreWriteStatus.NotFound, await store.LinkSerialAsync(serial, account.Id, Origin.AddHours(2), CancellationToken.None));
        Assert.Null(await store.FindSerialAsync(serial, CancellationToken.None));
        Assert.Single(await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None));
    }

    /// <summary>A serial cannot be linked to an account that does not exist, and stays unlinked.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_UnknownAccount_ReturnsNotFoundAndLeavesSerialUnlinked()
    {
        var store = await NewStoreAsync();
        var serial = await ActivateAsync(store);
        var before = await store.FindSerialAsync(serial, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.NotFound, await store.LinkSerialAsync(serial, Guid.NewGuid(), Origin.AddHours(2), CancellationToken.None));
        Assert.Equal(before, await store.FindSerialAsync(serial, CancellationToken.None));
    }

    /// <summary>A serial linked to one account cannot be moved to another; the link stays as it was.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_SerialLinkedToAnotherAccount_ReturnsSerialAlreadyLinkedAndKeepsLink()
    {
        var store = await NewStoreAsync();
        var (_, serial) = await RegisterAsync(store);
        var (other, _) = await RegisterAsync(store);
        var before = await store.FindSerialAsync(serial, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, await store.LinkSerialAsync(serial, other.Id, Origin.AddHours(2), CancellationToken.None));
        Assert.Equal(before, await store.FindSerialAsync(serial, CancellationToken.None));
        Assert.DoesNotContain(serial, (await store.FindSerialsByAccountAsync(other.Id, CancellationToken.None)).Select(s => s.Serial));
    }

    /// <summary>Linking a serial again to the account it is already linked to is refused and keeps the first link time.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_SerialLinkedToSameAccount_ReturnsSerialAlreadyLinkedAndKeepsLinkTime()
    {
        var store = await NewStoreAsync();
        var (account, serial) = await RegisterAsync(store);
        var before = await store.FindSerialAsync(serial, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, await store.LinkSerialAsync(serial, account.Id, Origin.AddHours(2), CancellationToken.None));
        Assert.Equal(before, await store.FindSerialAsync(serial, CancellationToken.None));
    }

    /// <summary>A known serial that was never activated cannot be linked (needs <see cref="SeedUnactivatedSerialAsync"/>).</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_SerialNotActivated_ReturnsSerialNotActivatedAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var serial = await SeedUnactivatedAsync(store);
        if (serial is null)
        {
            return;
        }

        var before = await store.FindSerialAsync(serial, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.SerialNotActivated, await store.LinkSerialAsync(serial, account.Id, Origin.AddHours(2), CancellationToken.None));
        Assert.Equal(before, await store.FindSerialAsync(serial, CancellationToken.None));
        Assert.Single(await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None));
    }

    /// <summary>Many callers racing to link one serial to several accounts: exactly one link is made, every other caller is refused.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task LinkSerialAsync_ParallelCallersOneSerial_ExactlyOneSucceeds()
    {
        var store = await NewStoreAsync();
        var accounts = new AccountRecord[4];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = (await RegisterAsync(store)).Account;
        }

        var serial = await ActivateAsync(store);

        var statuses = await RunConcurrentlyAsync(ParallelCallers, i => store.LinkSerialAsync(serial, accounts[i % accounts.Length].Id, Origin.AddHours(2), CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, ParallelCallers), i => statuses[i] == StoreWriteStatus.Succeeded);
        Assert.All(statuses.Where((_, i) => i != winner), s => Assert.Equal(StoreWriteStatus.SerialAlreadyLinked, s));
        Assert.Equal(accounts[winner % accounts.Length].Id, (await store.FindSerialAsync(serial, CancellationToken.None))?.AccountId);
        Assert.Equal(1, (await Task.WhenAll(accounts.Select(a => store.FindSerialsByAccountAsync(a.Id, CancellationToken.None)))).Sum(list => list.Count(s => s.Serial == serial)));
    }
}
