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

    /// <summary>
    /// Keeps the counters behind every throttle, per-client limit, captcha step-up and device failure budget in the
    /// database (table <c>trend_counters</c> of <typeparamref name="TContext"/>) instead of in each process, so that
    /// every limit holds once across all nodes sharing the database; replaces any <see cref="IAttemptCounter"/>
    /// registered before (the last <c>Use…</c> wins).
    /// </summary>
    /// <typeparam name="TContext">
    /// The host's context, registered as for <see cref="UseEntityFrameworkStores{TContext}(TrendAccountBuilder)"/>; its
    /// model includes the counters table through <see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>.
    /// </typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>
    /// For hosts with SQLite or PostgreSQL and no Redis. Each counted attempt is one atomic conditional upsert (a round
    /// trip to the database on every sign-in); expired rows are reused and purged in bounded batches. Windows are timed
    /// by each node's clock. See docs/stores.md, "Shared counters".
    /// </remarks>
    public static TrendAccountBuilder UseEntityFrameworkAttemptCounter<TContext>(this TrendAccountBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<DbContextSource<TContext>>();
        services.RemoveAll<IAttemptCounter>();
        services.AddSingleton<IAttemptCounter>(static provider => new EntityFrameworkAttemptCounter<TContext>(
            provider.GetRequiredService<DbContextSource<TContext>>(),
            provider.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// Keeps the limit counters in the database of the ready <see cref="TrendAccountDbContext"/> (see
    /// <see cref="UseEntityFrameworkAttemptCounter{TContext}(TrendAccountBuilder)"/>); call it after
    /// <see cref="UseEntityFrameworkStores(TrendAccountBuilder, Action{DbContextOptionsBuilder})"/>, which registers the context.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UseEntityFrameworkAttemptCounter(this TrendAccountBuilder builder) =>
        builder.UseEntityFrameworkAttemptCounter<TrendAccountDbContext>();
}
