using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

/// <summary>
/// The conformance specification of <see cref="ITokenStore"/>: every contract its XML docs state, as xUnit
/// tests. Subclass it in a test project and say how to create the store; the inherited <c>[Fact]</c> and
/// <c>[Theory]</c> methods then run against it.
/// </summary>
/// <remarks>
/// <para>
/// xUnit creates one instance of the test class per test, and every test calls <see cref="CreateStoreAsync"/>
/// once. Return a fresh store each time, or one store shared by the whole class (an <c>IClassFixture</c>) —
/// the tests use unique digests and account ids, so they hold on a store that already holds other tokens and
/// while other tests run against it in parallel. The specification never disposes the store; implement
/// <c>IAsyncLifetime</c> or <see cref="IDisposable"/> on the subclass (or on the fixture) to release what
/// <see cref="CreateStoreAsync"/> opened. xUnit 2 does not call <see cref="IAsyncDisposable"/> on test classes.
/// </para>
/// <para>
/// Every "now" is an explicit argument derived from a fixed UTC instant (no clock is read), so a store must
/// compare the instants it is given, not the database server's clock.
/// </para>
/// </remarks>
public abstract partial class TokenStoreSpecification
{
    private static readonly DateTimeOffset ExpiresAt = Origin.AddMinutes(30);

    /// <summary>Creates the store under test for one test.</summary>
    /// <returns>The store: a fresh one, or one shared by the test class.</returns>
    protected abstract Task<ITokenStore> CreateStoreAsync();

    /// <summary>Gets the smallest step between two instants that the store keeps apart.</summary>
    /// <value>One tick (100 ns) by default. A store on PostgreSQL <c>timestamptz</c> overrides this with one microsecond.</value>
    /// <remarks>The expiry boundary tests check the instant one step before a token expires.</remarks>
    protected virtual TimeSpan TimeResolution => TimeSpan.FromTicks(1);

    private async Task<ITokenStore> NewStoreAsync()
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

    /// <summary>Adds a new token that expires at <see cref="ExpiresAt"/>.</summary>
    private static async Task<TokenRecord> AddTokenAsync(ITokenStore store, Guid? accountId = null, TokenPurpose purpose = TokenPurpose.PasswordReset)
    {
        var token = NewToken(accountId ?? Guid.NewGuid(), purpose, ExpiresAt);
        await store.AddAsync(token, CancellationToken.None);
        return token;
    }
}
