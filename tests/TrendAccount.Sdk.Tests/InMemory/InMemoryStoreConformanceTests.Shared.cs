using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.InMemory;

public static partial class InMemoryStoreConformanceTests
{
    /// <summary>
    /// One store for the whole test class, created and released by an xUnit class fixture, the pattern for a store
    /// whose set-up is expensive (a database schema). The kit's tests use unique data, so sharing is safe.
    /// </summary>
    public sealed class SharedStoresFixture : IAsyncLifetime
    {
        public InMemoryAccountStore Accounts { get; private set; } = null!;

        public InMemoryTokenStore Tokens { get; private set; } = null!;

        public Task InitializeAsync()
        {
            // A database-backed fixture creates its schema here (EnsureCreated, migrations).
            Accounts = new InMemoryAccountStore();
            Tokens = new InMemoryTokenStore();
            return Task.CompletedTask;
        }

        public Task DisposeAsync()
        {
            // A database-backed fixture drops its database or deletes its file here.
            return Task.CompletedTask;
        }
    }

    /// <summary>One <see cref="InMemoryAccountStore"/> shared by every test of the class.</summary>
    public sealed class SharedAccountStore(SharedStoresFixture fixture) : AccountStoreSpecification, IClassFixture<SharedStoresFixture>
    {
        protected override Task<IAccountStore> CreateStoreAsync() => Task.FromResult<IAccountStore>(fixture.Accounts);

        protected override Task<bool> SeedUnactivatedSerialAsync(IAccountStore store, string serial, PurchaseChannel channel) =>
            Task.FromResult(((InMemoryAccountStore)store).AddSerial(new SerialRecord { Serial = serial, Channel = channel }));
    }

    /// <summary>One <see cref="InMemoryTokenStore"/> shared by every test of the class.</summary>
    public sealed class SharedTokenStore(SharedStoresFixture fixture) : TokenStoreSpecification, IClassFixture<SharedStoresFixture>
    {
        protected override Task<ITokenStore> CreateStoreAsync() => Task.FromResult<ITokenStore>(fixture.Tokens);
    }
}
