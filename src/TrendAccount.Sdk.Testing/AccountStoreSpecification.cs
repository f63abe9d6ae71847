using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

/// <summary>
/// The conformance specification of <see cref="IAccountStore"/>: every contract its XML docs state, as xUnit
/// tests. Subclass it in a test project and say how to create the store; the inherited <c>[Fact]</c> and
/// <c>[Theory]</c> methods then run against it.
/// </summary>
/// <remarks>
/// <para>
/// xUnit creates one instance of the test class per test, and every test calls <see cref="CreateStoreAsync"/>
/// once. Return a fresh store each time, or one store shared by the whole class (an <c>IClassFixture</c>) —
/// the tests use unique ids, emails and serials, so they hold on a store that already holds other data and
/// while other tests run against it in parallel. The specification never disposes the store; implement
/// <c>IAsyncLifetime</c> or <see cref="IDisposable"/> on the subclass (or on the fixture) to release what
/// <see cref="CreateStoreAsync"/> opened. xUnit 2 does not call <see cref="IAsyncDisposable"/> on test classes.
/// </para>
/// <para>
/// Every "now" is an explicit argument derived from a fixed UTC instant (no clock is read), so a store must
/// compare the instants it is given, not the database server's clock.
/// </para>
/// </remarks>
public abstract partial class AccountStoreSpecification
{
    /// <summary>Creates the store under test for one test.</summary>
    /// <returns>The store: a fresh one, or one shared by the test class.</returns>
    protected abstract Task<IAccountStore> CreateStoreAsync();

    /// <summary>Gets the smallest step between two instants that the store keeps apart.</summary>
    /// <value>One tick (100 ns) by default. A store on PostgreSQL <c>timestamptz</c> overrides this with one microsecond.</value>
    /// <remarks>The lockout boundary tests check the instant one step before a lockout ends.</remarks>
    protected virtual TimeSpan TimeResolution => TimeSpan.FromTicks(1);

    /// <summary>
    /// Stores a serial that the vendor knows but that has not been activated yet, for the
    /// <see cref="StoreWriteStatus.SerialNotActivated"/> tests. <see cref="IAccountStore"/> itself cannot create
    /// such a record (<see cref="IAccountStore.RecordActivationAsync"/> always activates), so only the store's
    /// author knows how to seed one (an insert into the serials table, an import API).
    /// </summary>
    /// <param name="store">The store that <see cref="CreateStoreAsync"/> returned for this test.</param>
    /// <param name="serial">The canonical serial to store with no activation time and no account.</param>
    /// <param name="channel">Its purchase channel.</param>
    /// <returns>
    /// <see langword="true"/> when the serial was stored; <see langword="false"/> (the default) when the store
    /// cannot hold unactivated serials, in which case the tests that need one only check that the serial is absent.
    /// </returns>
    protected virtual Task<bool> SeedUnactivatedSerialAsync(IAccountStore store, string serial, PurchaseChannel channel) => Task.FromResult(false);

    private async Task<IAccountStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        Assert.NotNull(store);
        return store;
    }

    private TimeSpan Resolution()
    {
        var resolution = TimeResolution;
        Assert.True(resolution > TimeSpan.Zero && resolution < TimeSpan.FromSeconds(1), $"{nameof(TimeResolution)} must be positive and below one second; it is {resolution}.");
        return resolution;
    }

    /// <summary>Records the activation of a new serial.</summary>
    private static async Task<string> ActivateAsync(IAccountStore store, string productCode = "TIS-2017")
    {
        var serial = NewSerial();
        var record = await store.RecordActivationAsync(serial, PurchaseChannel.Direct, productCode, Origin, CancellationToken.None);
        Assert.True(record.IsActivated);
        return serial;
    }

    /// <summary>Activates a new serial and registers a new account with it.</summary>
    private static async Task<(AccountRecord Account, string Serial)> RegisterAsync(IAccountStore store)
    {
        var serial = await ActivateAsync(store);
        var account = NewAccount();
        Assert.Equal(StoreWriteStatus.Succeeded, await store.CreateWithSerialAsync(account, serial, Origin.AddMinutes(1), CancellationToken.None));
        return (account, serial);
    }

    /// <summary>Seeds an unactivated serial through the author's hook, or returns <see langword="null"/> when the store cannot hold one.</summary>
    private async Task<string?> SeedUnactivatedAsync(IAccountStore store)
    {
        var serial = NewSerial();
        if (!await SeedUnactivatedSerialAsync(store, serial, PurchaseChannel.Direct))
        {
            Assert.Null(await store.FindSerialAsync(serial, CancellationToken.None));
            return null;
        }

        var seeded = await store.FindSerialAsync(serial, CancellationToken.None);
        Assert.NotNull(seeded);
        Assert.False(seeded.IsActivated, $"{nameof(SeedUnactivatedSerialAsync)} stored an activated serial.");
        Assert.Null(seeded.AccountId);
        return serial;
    }

    /// <summary>Asserts that an account that was refused left no trace.</summary>
    private static async Task AssertNotStoredAsync(IAccountStore store, AccountRecord account)
    {
        Assert.Null(await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Empty(await store.FindSerialsByAccountAsync(account.Id, CancellationToken.None));
    }
}
