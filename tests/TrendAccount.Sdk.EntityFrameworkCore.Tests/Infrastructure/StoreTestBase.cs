using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A test class over one provider's database: a fresh node (service provider) and clock per test.</summary>
/// <typeparam name="TDatabase">The provider's database fixture.</typeparam>
public abstract class StoreTestBase<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : StoreDatabase
{
    private ServiceProvider? _services;

    protected StoreTestBase(TDatabase database)
    {
        Database = database;
    }

    protected TDatabase Database { get; }

    protected FakeTimeProvider Time { get; } = new(TestData.Start);

    protected DateTimeOffset Now => Time.GetUtcNow();

    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    protected IAccountStore Accounts => Services.GetRequiredService<IAccountStore>();

    protected ITokenStore Tokens => Services.GetRequiredService<ITokenStore>();

    public Task InitializeAsync()
    {
        _services = Database.CreateServices(Time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
