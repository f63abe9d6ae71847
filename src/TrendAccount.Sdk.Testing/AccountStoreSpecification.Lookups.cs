using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AccountStoreSpecification
{
    /// <summary>An id no account has finds nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindByIdAsync_UnknownId_ReturnsNull()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.FindByIdAsync(Guid.NewGuid(), CancellationToken.None));
    }

    /// <summary>A registered account is found by id with every field as written.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindByIdAsync_RegisteredAccount_ReturnsEqualRecord()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);

        Assert.Equal(account, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>A registered account is found by its lookup key with every field as written.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindByLookupKeyAsync_RegisteredAccount_ReturnsEqualRecord()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);

        Assert.Equal(account, await store.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None));
    }

    /// <summary>A lookup key no account has finds nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindByLookupKeyAsync_UnknownKey_ReturnsNull()
    {
        var store = await NewStoreAsync();
        await RegisterAsync(store);

        Assert.Null(await store.FindByLookupKeyAsync(NewAccount().LookupKey, CancellationToken.None));
    }

    /// <summary>Changing a copy of a returned account does not change the stored account.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindByIdAsync_ChangedCopyOfResult_DoesNotChangeStore()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        var found = await store.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.NotNull(found);

        _ = found with { PasswordHash = NewPasswordHash(), FailedSignInCount = 7, LockoutEnd = Origin.AddDays(1) };

        Assert.Equal(account, await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Equal(account, await store.FindByLookupKeyAsync(account.LookupKey, CancellationToken.None));
    }

    /// <summary>A serial no one activated finds nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindSerialAsync_UnknownSerial_ReturnsNull()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.FindSerialAsync(NewSerial(), CancellationToken.None));
    }

    /// <summary>A serial registered with an account is found with its activation and its link.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindSerialAsync_RegisteredSerial_ReturnsActivationAndLink()
    {
        var store = await NewStoreAsync();
        var (account, serial) = await RegisterAsync(store);

        var found = await store.FindSerialAsync(serial, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(serial, found.Serial);
        Assert.Equal(PurchaseChannel.Direct, found.Channel);
        Assert.Equal("TIS-2017", found.ProductCode);
        Assert.Equal(Origin, found.ActivatedAt);
        Assert.Equal(account.Id, found.AccountId);
        Assert.Equal(Origin.AddMinutes(1), found.LinkedAt);
    }

    /// <summary>Every serial linked to an account is listed, and no serial of another account.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindSerialsByAccountAsync_TwoLinkedSerials_ReturnsExactlyThose()
    {
        var store = await NewStoreAsync();
        var (account, first) = await RegisterAsync(store);
        var second = await ActivateAsync(store, "TMS-2017");
        Assert.Equal(StoreWriteStatus.Succeeded, await store.LinkSerialAsync(second, account.Id, Origin.AddMinutes(2), CancellationToken.None));
        var (other, otherSerial) = await RegisterAsync(store);
        var unlinked = await ActivateAsync(store);

        var found = await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), found.Select(s => s.Serial).Order(StringComparer.Ordinal));
        Assert.All(found, s => Assert.Equal(account.Id, s.AccountId));
        Assert.Equal([otherSerial], (await store.FindSerialsByAccountAsync(other.Id, CancellationToken.None)).Select(s => s.Serial).ToArray());
        Assert.DoesNotContain(unlinked, found.Select(s => s.Serial));
    }

    /// <summary>An account with no serials, or no account at all, lists nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindSerialsByAccountAsync_UnknownAccount_ReturnsEmpty()
    {
        var store = await NewStoreAsync();
        await RegisterAsync(store);

        Assert.Empty(await store.FindSerialsByAccountAsync(Guid.NewGuid(), CancellationToken.None));
    }

    /// <summary>A returned list is a snapshot: later links do not appear in it, and writing to it does not change the store.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindSerialsByAccountAsync_ReturnedList_IsASnapshot()
    {
        var store = await NewStoreAsync();
        var (account, serial) = await RegisterAsync(store);
        var before = await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None);
        var original = Assert.Single(before);

        var second = await ActivateAsync(store);
        Assert.Equal(StoreWriteStatus.Succeeded, await store.LinkSerialAsync(second, account.Id, Origin.AddMinutes(2), CancellationToken.None));

        Assert.Equal(original, Assert.Single(before));
        if (before is IList<SerialRecord> list)
        {
            try
            {
                list[0] = original with { AccountId = Guid.NewGuid(), ProductCode = "changed" };
            }
            catch (NotSupportedException)
            {
                // A read-only list is a fine way to return a snapshot.
            }
        }

        var after = await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None);
        Assert.Equal(2, after.Count);
        Assert.Equal(original, Assert.Single(after, s => s.Serial == serial));
        Assert.Equal(original, await store.FindSerialAsync(serial, CancellationToken.None));
    }
}
