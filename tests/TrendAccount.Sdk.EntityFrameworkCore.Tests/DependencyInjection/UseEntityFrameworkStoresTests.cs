using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.DependencyInjection;

public sealed class UseEntityFrameworkStoresTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public void UseEntityFrameworkStores_AfterOtherStores_ReplacesThem()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAccountStore, InMemoryAccountStore>();
        services.AddSingleton<ITokenStore, InMemoryTokenStore>();
        database.AddContext(services);

        new TrendAccountBuilder(services).UseEntityFrameworkStores<TestDbContext>();

        Assert.Single(services, d => d.ServiceType == typeof(IAccountStore));
        Assert.Single(services, d => d.ServiceType == typeof(ITokenStore));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<EntityFrameworkAccountStore<TestDbContext>>(provider.GetRequiredService<IAccountStore>());
        Assert.IsType<EntityFrameworkTokenStore<TestDbContext>>(provider.GetRequiredService<ITokenStore>());
    }

    [Fact]
    public void UseEntityFrameworkAttemptCounter_AfterAddTrendAccount_ReplacesTheInMemoryCounter()
    {
        var services = new ServiceCollection();
        database.AddContext(services);

        services.AddTrendAccount().UseEntityFrameworkAttemptCounter<TestDbContext>().UseEntityFrameworkAttemptCounter<TestDbContext>();

        Assert.Single(services, d => d.ServiceType == typeof(IAttemptCounter));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<EntityFrameworkAttemptCounter<TestDbContext>>(provider.GetRequiredService<IAttemptCounter>());
    }

    [Fact]
    public void UseEntityFrameworkStores_CalledTwice_RegistersEachStoreOnce()
    {
        var services = new ServiceCollection();
        var builder = new TrendAccountBuilder(services);

        builder.UseEntityFrameworkStores<TestDbContext>().UseEntityFrameworkStores<TestDbContext>();

        Assert.Single(services, d => d.ServiceType == typeof(IAccountStore));
        Assert.Single(services, d => d.ServiceType == typeof(ITokenStore));
        Assert.Single(services, d => d.ServiceType == typeof(DbContextSource<TestDbContext>));
    }

    [Fact]
    public async Task UseEntityFrameworkStores_NoContextRegistered_SaysWhatToRegister()
    {
        var services = new ServiceCollection();
        new TrendAccountBuilder(services).UseEntityFrameworkStores<TestDbContext>();
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetRequiredService<IAccountStore>().FindByIdAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.Contains("AddDbContextFactory<TestDbContext>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseEntityFrameworkStores_ScopedContext_WritesThroughAFreshContextOfItsOwn()
    {
        var services = new ServiceCollection();
        services.AddDbContext<TestDbContext>(database.Configure);
        new TrendAccountBuilder(services).UseEntityFrameworkStores<TestDbContext>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var request = provider.CreateAsyncScope();
        var hostContext = request.ServiceProvider.GetRequiredService<TestDbContext>();
        var note = hostContext.Notes.Add(new HostNote { Text = "pending" }).Entity;
        var store = request.ServiceProvider.GetRequiredService<IAccountStore>();

        var account = await TestData.CreateAccountAsync(store, TestData.Start);

        Assert.Equal(account.Id, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.Id);
        Assert.Equal(EntityState.Added, hostContext.Entry(note).State);
        await using var check = database.CreateContext();
        Assert.False(await check.Notes.AnyAsync(n => n.Text == "pending"));
    }

    [Fact]
    public void UseEntityFrameworkStores_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => EntityFrameworkTrendAccountBuilderExtensions.UseEntityFrameworkStores<TestDbContext>(null!));
        Assert.Throws<ArgumentNullException>(() => new TrendAccountBuilder(new ServiceCollection()).UseEntityFrameworkStores(null!));
        Assert.Throws<ArgumentNullException>(() => new ModelBuilder().ApplyTrendAccountModel(null!));
    }
}
