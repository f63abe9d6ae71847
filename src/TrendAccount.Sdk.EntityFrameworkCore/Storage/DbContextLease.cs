using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>A context used by one store operation, and the DI scope it came from; disposing it releases both.</summary>
/// <typeparam name="TContext">The host's context type.</typeparam>
internal sealed class DbContextLease<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly AsyncServiceScope _scope;
    private readonly bool _ownsContext;

    public DbContextLease(AsyncServiceScope scope, TContext context, bool ownsContext)
    {
        _scope = scope;
        Context = context;
        _ownsContext = ownsContext;
    }

    public TContext Context { get; }

    public async ValueTask DisposeAsync()
    {
        if (_ownsContext)
        {
            await Context.DisposeAsync().ConfigureAwait(false);
        }

        await _scope.DisposeAsync().ConfigureAwait(false);
    }
}
