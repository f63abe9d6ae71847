using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// One real database for one test class: created (with the TrendAccount tables) before the first test, dropped after
/// the last. Tests share it and keep apart by using fresh ids, emails, serials and digests.
/// </summary>
public abstract class StoreDatabase : IAsyncLifetime
{
    private bool _created;
    private ServiceProvider? _shared;

    /// <summary>Gets the provider's short name, for messages.</summary>
    public abstract string Provider { get; }

    /// <summary>Gets a value indicating whether the provider is SQLite.</summary>
    public bool IsSqlite => Provider == "SQLite";

    /// <summary>Points a context at this database.</summary>
    /// <param name="options">The options to configure.</param>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>Gets a node (service provider on the system clock) shared by the tests of the class.</summary>
    public IServiceProvider SharedServices => _shared ??= CreateServices(TimeProvider.System);

    /// <summary>Builds a service provider ("a node") whose stores use this database.</summary>
    /// <param name="time">The clock of the node.</param>
    /// <param name="configure">More registrations.</param>
    /// <returns>The provider; dispose it.</returns>
    public ServiceProvider CreateServices(TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        EnsureAvailable();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        AddContext(services);
        new TrendAccountBuilder(services).UseEntityFrameworkStores<TestDbContext>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Registers the test context on a service collection.</summary>
    /// <param name="services">The services.</param>
    public void AddContext(IServiceCollection services)
    {
        services.AddDbContextFactory<TestDbContext>(Configure);
    }

    /// <summary>Creates a context on this database, for arranging and inspecting rows directly.</summary>
    /// <returns>The context; dispose it.</returns>
    public TestDbContext CreateContext()
    {
        EnsureAvailable();
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options);
        return new TestDbContext(options.Options);
    }

    public async Task InitializeAsync()
    {
        if (!await CreateDatabaseAsync())
        {
            return;
        }

        await using var context = CreateContextCore();
        await context.Database.EnsureCreatedAsync();
        _created = true;
    }

    public async Task DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }

        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the empty database.</summary>
    /// <returns><see langword="false"/> when the provider is unavailable and its tests are skipped.</returns>
    protected abstract Task<bool> CreateDatabaseAsync();

    /// <summary>Drops the database.</summary>
    /// <returns>A task.</returns>
    protected abstract Task DropDatabaseAsync();

    private TestDbContext CreateContextCore()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options);
        return new TestDbContext(options.Options);
    }

    private void EnsureAvailable()
    {
        if (!_created)
        {
            throw new InvalidOperationException($"The {Provider} test database was not created.");
        }
    }
}
