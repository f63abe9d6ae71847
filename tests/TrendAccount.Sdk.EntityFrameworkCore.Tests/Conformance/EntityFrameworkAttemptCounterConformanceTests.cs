using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Conformance;

/// <summary>
/// The counter conformance kit (<see cref="AttemptCounterSpecification"/>) against the EF Core counter on a real
/// database, one subclass per provider: one database per class, a fresh counter and clock per test.
/// </summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class EntityFrameworkAttemptCounterConformanceTests<TDatabase>(TDatabase database)
    : AttemptCounterSpecification, IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : StoreDatabase
{
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private ServiceProvider? _services;

    public Task InitializeAsync()
    {
        _services = database.CreateServices(_time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    protected override Task<IAttemptCounter> CreateCounterAsync() => Task.FromResult<IAttemptCounter>(
        new EntityFrameworkAttemptCounter<TestDbContext>(_services!.GetRequiredService<DbContextSource<TestDbContext>>(), _time));

    protected override Task ElapseAsync(IAttemptCounter counter, string key, TimeSpan elapsed)
    {
        _time.Advance(elapsed);
        return Task.CompletedTask;
    }
}

public sealed class SqliteAttemptCounterConformanceTests(SqliteDatabase database)
    : EntityFrameworkAttemptCounterConformanceTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresAttemptCounterConformanceTests(PostgresDatabase database)
    : EntityFrameworkAttemptCounterConformanceTests<PostgresDatabase>(database);
