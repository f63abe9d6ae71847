using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.InMemory;

/// <summary>
/// Runs the store conformance kit against the in-memory stores, twice: with a fresh store per test, and with one
/// store shared by every test of the class (the way a database-backed store is usually run).
/// </summary>
public static partial class InMemoryStoreConformanceTests
{
    /// <summary>A fresh <see cref="InMemoryAccountStore"/> for every test.</summary>
    public sealed class AccountStore : AccountStoreSpecification
    {
        protected override Task<IAccountStore> CreateStoreAsync() => Task.FromResult<IAccountStore>(new InMemoryAccountStore());
    }

    /// <summary>A fresh <see cref="InMemoryTokenStore"/> for every test.</summary>
    public sealed class TokenStore : TokenStoreSpecification
    {
        protected override Task<ITokenStore> CreateStoreAsync() => Task.FromResult<ITokenStore>(new InMemoryTokenStore());
    }
}
