using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Samples;

// The samples of docs/stores.md, compiled and run.

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().ToTable("orders");
        modelBuilder.ApplyTrendAccountModel(Database, schema: Database.IsNpgsql() ? "accounts" : null);
    }
}

public sealed class Order
{
    public int Id { get; set; }

    public decimal Total { get; set; }
}

public sealed class StoreSamples(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task HostContext_WithContextFactory_KeepsAccountsBesideTheHostsTables()
    {
        var connectionString = database.ConnectionString.Replace("accounts.db", "shop.db", StringComparison.Ordinal);
        var services = new ServiceCollection();
        services.AddDbContextFactory<ShopDbContext>(options => options.UseSqlite(connectionString));
        new TrendAccountBuilder(services)
            .UseEntityFrameworkStores<ShopDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using (var shop = await provider.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync())
        {
            await shop.Database.EnsureCreatedAsync();
            shop.Orders.Add(new Order { Total = 49.95m });
            await shop.SaveChangesAsync();
        }

        var account = await TestData.CreateAccountAsync(provider.GetRequiredService<IAccountStore>(), TestData.Start);

        Assert.Equal(account, await provider.GetRequiredService<IAccountStore>().FindByIdAsync(account.Id));
        await using var check = await provider.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await check.Orders.CountAsync());
    }

    [Fact]
    public async Task ReadyContext_WithSqlite_StoresAccounts()
    {
        var connectionString = database.ConnectionString.Replace("accounts.db", "ready.db", StringComparison.Ordinal);
        var services = new ServiceCollection();
        new TrendAccountBuilder(services)
            .UseEntityFrameworkStores(options => options.UseSqlite(connectionString));
        await using var provider = services.BuildServiceProvider();
        await using (var context = await provider.GetRequiredService<IDbContextFactory<TrendAccountDbContext>>().CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
        }

        var account = await TestData.CreateAccountAsync(provider.GetRequiredService<IAccountStore>(), TestData.Start);
        var token = TestData.NewToken(account.Id, TestData.Start, TimeSpan.FromMinutes(30));
        await provider.GetRequiredService<ITokenStore>().AddAsync(token);

        Assert.Equal(account, await provider.GetRequiredService<IAccountStore>().FindByLookupKeyAsync(account.LookupKey));
        Assert.True(await provider.GetRequiredService<ITokenStore>().TryConsumeAsync(token.Digest, TestData.Start));
    }
}
