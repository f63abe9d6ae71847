using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// Hands each store operation a fresh <typeparamref name="TContext"/> of its own, so the stores can be singletons and
/// never flush (or see) the pending changes of a host's request-scoped context.
/// </summary>
/// <typeparam name="TContext">The host's context type.</typeparam>
/// <remarks>
/// The context comes from <see cref="IDbContextFactory{TContext}"/> when one is registered (<c>AddDbContextFactory</c>,
/// <c>AddPooledDbContextFactory</c>), otherwise from a new DI scope (<c>AddDbContext</c>, <c>AddDbContextPool</c>).
/// </remarks>
internal sealed class DbContextSource<TContext>
    where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;

    public DbContextSource(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public async ValueTask<DbContextLease<TContext>> OpenAsync(CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            if (services.GetService<IDbContextFactory<TContext>>() is { } factory)
            {
                var created = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                var lease = new DbContextLease<TContext>(scope, created, ownsContext: true);
                await PrepareAsync(lease, cancellationToken).ConfigureAwait(false);
                return lease;
            }

            var scoped = services.GetService<TContext>() ?? throw new InvalidOperationException(
                $"The TrendAccount Entity Framework stores need {typeof(TContext).Name}: register it with " +
                $"services.AddDbContextFactory<{typeof(TContext).Name}>(...) (recommended) or services.AddDbContext<{typeof(TContext).Name}>(...).");
            var scopedLease = new DbContextLease<TContext>(scope, scoped, ownsContext: false);
            await PrepareAsync(scopedLease, cancellationToken).ConfigureAwait(false);
            return scopedLease;
        }
        catch
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task PrepareAsync(DbContextLease<TContext> lease, CancellationToken cancellationToken)
    {
        try
        {
            await SqliteBusyTimeout.ApplyAsync(lease.Context, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
