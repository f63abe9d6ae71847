using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Conformance;

// The conformance kit against the EF Core stores, one database per class (the kit's tests use unique data and
// share it), on each provider. PostgreSQL keeps microseconds, so its boundary tests step by one microsecond.

public sealed class SqliteAccountStoreConformanceTests(SqliteDatabase database)
    : AccountStoreSpecification, IClassFixture<SqliteDatabase>
{
    protected override Task<IAccountStore> CreateStoreAsync() =>
        Task.FromResult(database.SharedServices.GetRequiredService<IAccountStore>());

    protected override Task<bool> SeedUnactivatedSerialAsync(IAccountStore store, string serial, PurchaseChannel channel) =>
        ConformanceSeeds.AddUnactivatedSerialAsync(database, serial, channel);
}

public sealed class SqliteTokenStoreConformanceTests(SqliteDatabase database)
    : TokenStoreSpecification, IClassFixture<SqliteDatabase>
{
    protected override Task<ITokenStore> CreateStoreAsync() =>
        Task.FromResult(database.SharedServices.GetRequiredService<ITokenStore>());
}

[PostgresTests]
public sealed class PostgresAccountStoreConformanceTests(PostgresDatabase database)
    : AccountStoreSpecification, IClassFixture<PostgresDatabase>
{
    protected override TimeSpan TimeResolution => TimeSpan.FromTicks(10);

    protected override Task<IAccountStore> CreateStoreAsync() =>
        Task.FromResult(database.SharedServices.GetRequiredService<IAccountStore>());

    protected override Task<bool> SeedUnactivatedSerialAsync(IAccountStore store, string serial, PurchaseChannel channel) =>
        ConformanceSeeds.AddUnactivatedSerialAsync(database, serial, channel);
}

[PostgresTests]
public sealed class PostgresTokenStoreConformanceTests(PostgresDatabase database)
    : TokenStoreSpecification, IClassFixture<PostgresDatabase>
{
    protected override TimeSpan TimeResolution => TimeSpan.FromTicks(10);

    protected override Task<ITokenStore> CreateStoreAsync() =>
        Task.FromResult(database.SharedServices.GetRequiredService<ITokenStore>());
}

internal static class ConformanceSeeds
{
    /// <summary>Inserts a serial known from a sales import but never activated, which the store API cannot create.</summary>
    public static async Task<bool> AddUnactivatedSerialAsync(StoreDatabase database, string serial, PurchaseChannel channel)
    {
        await using var context = database.CreateContext();
        context.Set<SerialEntity>().Add(new SerialEntity { Serial = serial, Channel = channel });
        await context.SaveChangesAsync();
        return true;
    }
}
