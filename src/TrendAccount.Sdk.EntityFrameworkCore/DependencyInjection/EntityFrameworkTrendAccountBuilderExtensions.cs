using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrendAccount.Sdk;
using TrendAccount.Sdk.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Entity Framework Core stores on a <see cref="TrendAccountBuilder"/>.</summary>
public static class EntityFrameworkTrendAccountBuilderExtensions
{
    /// <summary>
    /// Uses Entity Framework Core stores on the host's <typeparamref name="TContext"/> for accounts, serials, tokens and
    /// the mail outbox, replacing any <see cref="IAccountStore"/>, <see cref="ITokenStore"/> and <see cref="IMailOutbox"/>
    /// registered before (the last <c>Use…</c> wins). The outbox is used once the host also calls
    /// <c>AddOutboxDelivery()</c>; until then mail goes through the in-memory queue.
    /// </summary>
    /// <typeparam name="TContext">
    /// The host's context; its <see cref="DbContext.OnModelCreating(ModelBuilder)"/> calls
    /// <see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>.
    /// </typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>
    /// The host registers <typeparamref name="TContext"/> itself, before or after this call. The stores are singletons
    /// and use a fresh context for every operation: from <see cref="IDbContextFactory{TContext}"/> when one is
    /// registered (<c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>, recommended), otherwise from a new
    /// DI scope (<c>AddDbContext</c>). They never touch the context of the host's current request, so a store write
    /// never saves the host's pending changes.
    /// </remarks>
    public static TrendAccountBuilder UseEntityFrameworkStores<TContext>(this TrendAccountBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<DbContextSource<TContext>>();
        services.RemoveAll<IAccountStore>();
        services.RemoveAll<ITokenStore>();
        services.AddSingleton<IAccountStore>(static provider => new EntityFrameworkAccountStore<TContext>(
            provider.GetRequiredService<DbContextSource<TContext>>()));
        services.AddSingleton<ITokenStore>(static provider => new EntityFrameworkTokenStore<TContext>(
            provider.GetRequiredService<DbContextSource<TContext>>()));
        services.RemoveAll<IMailOutbox>();
        services.AddSingleton<IMailOutbox>(static provider => new EntityFrameworkMailOutbox<TContext>(
            provider.GetRequiredService<DbContextSource<TContext>>()));
        return builder;
    }

    /// <summary>
    /// Uses Entity Framework Core stores on the ready <see cref="TrendAccountDbContext"/>, registered here with a pooled
    /// context factory (<c>AddPooledDbContextFactory</c>) configured by <paramref name="configureContext"/>; replaces any
    /// earlier store registration.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configureContext">Chooses the provider and connection, such as <c>options =&gt; options.UseSqlite("Data Source=accounts.db")</c>.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UseEntityFrameworkStores(this TrendAccountBuilder builder, Action<DbContextOptionsBuilder> configureContext)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureContext);
        builder.Services.AddPooledDbContextFactory<TrendAccountDbContext>(configureContext);
        return builder.UseEntityFrameworkStores<TrendAccountDbContext>();
    }
}
