using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.InMemory;

/// <summary>
/// Runs the store conformance kit against the in-memory stores, twice: with a fresh store per test, and with one
/// store shared by every test of the class (the way a database-backed store is usually run).
/// </summary>
public static partial class InMemoryStoreConformanceTests
{
    /// <summary>
    /// A fresh <see cref="InMemoryAccountStore"/> for every test. xUnit creates one instance of this class per test,
    /// and calls <see cref="IAsyncLifetime.DisposeAsync"/> after it: the place to release a per-test resource.
    /// </summary>
    public sealed class AccountStore : AccountStoreSpecification, IAsyncLifetime
    {
        private InMemoryAccountStore? _store;

        public Task InitializeAsync() => Task.CompletedTask;

        protected override Task<IAccountStore> CreateStoreAsync()
        {
            // A database-backed subclass creates a database (or a SQLite file) here and remembers it.
            _store = new InMemoryAccountStore();
            return Task.FromResult<IAccountStore>(_store);
        }

        protected override Task<bool> SeedUnactivatedSerialAsync(IAccountStore store, string serial, PurchaseChannel channel) =>
            Task.FromResult(((InMemoryAccountStore)store).AddSerial(new SerialRecord { Serial = serial, Channel = channel }));

        public Task DisposeAsync()
        {
            // ...and drops that database (or deletes the file) here.
            _store = null;
            return Task.CompletedTask;
        }
    }

    /// <summary>A fresh <see cref="InMemoryTokenStore"/> for every test, with nothing to release.</summary>
    public sealed class TokenStore : TokenStoreSpecification
    {
        protected override Task<ITokenStore> CreateStoreAsync() => Task.FromResult<ITokenStore>(new InMemoryTokenStore());
    }
}
