using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Samples;

// The samples of docs/stores.md, compiled and run (on SQLite; the PostgreSQL lines are the same with UseNpgsql).

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
    private const string Password = "Blue-Kettle-42-Harbor";

    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TrendAccount:Recovery:ResetLinkBaseUrl"] = "https://account.example.com/reset-password?token=",
            ["TrendAccount:Recovery:RegistrationLinkBaseUrl"] = "https://account.example.com/confirm-registration?token=",
            ["TrendAccount:Hashing:WorkFactor"] = "4",
            ["TrendAccount:Hashing:AllowInsecureWorkFactorForTesting"] = "true",
        })
        .Build();

    [Fact]
    public async Task HostContext_WithContextFactory_KeepsAccountsBesideTheHostsTables()
    {
        var connectionString = database.ConnectionString.Replace("accounts.db", "shop.db", StringComparison.Ordinal);
        var configuration = Configuration;
        var services = new ServiceCollection();

        // docs/stores.md, "Adding the tables to your context"
        services.AddDbContextFactory<ShopDbContext>(options => options.UseSqlite(connectionString));
        services.AddTrendAccount(configuration.GetSection("TrendAccount"))
            .UseEntityFrameworkStores<ShopDbContext>()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());

        await using var provider = services.BuildServiceProvider();
        await using (var shop = await provider.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync())
        {
            await shop.Database.EnsureCreatedAsync();
            shop.Orders.Add(new Order { Total = 49.95m });
            await shop.SaveChangesAsync();
        }

        await RegisterAndSignInAsync(provider);
        await using var check = await provider.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await check.Orders.CountAsync());
        Assert.Equal(1, await check.Set<AccountEntity>().CountAsync());
    }

    [Fact]
    public async Task ReadyContext_WithSqlite_StoresAccounts()
    {
        var connectionString = database.ConnectionString.Replace("accounts.db", "ready.db", StringComparison.Ordinal);
        var configuration = Configuration;
        var services = new ServiceCollection();

        // docs/stores.md, the ready TrendAccountDbContext
        services.AddTrendAccount(configuration.GetSection("TrendAccount"))
            .UseEntityFrameworkStores(options => options.UseSqlite(connectionString))
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());

        await using var provider = services.BuildServiceProvider();
        await using (var context = await provider.GetRequiredService<IDbContextFactory<TrendAccountDbContext>>().CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
        }

        await RegisterAndSignInAsync(provider);
    }

    private static async Task RegisterAndSignInAsync(IServiceProvider provider)
    {
        var accounts = provider.GetRequiredService<IAccountService>();
        var serial = TestData.NewSerial();
        var email = TestData.NewEmail();
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest(serial))).Succeeded);
        var confirmed = await TestRegistrations.RegisterAndConfirmAsync(
            provider, new RegistrationRequest(serial, email, Password, Password, TestCaptchaVerifier.ValidResponse, ClientContext.Unknown));
        Assert.Equal(ConfirmRegistrationStatus.Succeeded, confirmed.Status);
        var signIn = await accounts.SignInAsync(new SignInRequest(email, Password));
        Assert.True(signIn.Succeeded);
        Assert.NotNull(await accounts.ValidateSessionAsync(signIn.SessionToken!));
    }
}
