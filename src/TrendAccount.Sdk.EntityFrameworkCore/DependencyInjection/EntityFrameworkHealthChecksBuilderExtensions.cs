using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrendAccount.Sdk;
using TrendAccount.Sdk.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the TrendAccount store health check (<c>services.AddHealthChecks().AddTrendAccountStore()</c>).</summary>
public static class EntityFrameworkHealthChecksBuilderExtensions
{
    /// <summary>The default name of the store health check: <c>trendaccount-store</c>.</summary>
    public const string StoreCheckName = "trendaccount-store";

    /// <summary>The tags every TrendAccount health check carries: <c>trendaccount</c>, and here <c>store</c>.</summary>
    private static readonly string[] StoreTags = ["trendaccount", "store"];

    /// <summary>
    /// Adds a health check of the account and token stores: with the Entity Framework stores on
    /// <typeparamref name="TContext"/>, the database must accept a connection and answer a query on the TrendAccount
    /// tables; in-process (in-memory) stores are always healthy. Tagged <c>trendaccount</c> and <c>store</c>.
    /// </summary>
    /// <typeparam name="TContext">The context the stores use (as in <c>UseEntityFrameworkStores&lt;TContext&gt;()</c>).</typeparam>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <see cref="StoreCheckName"/> by default.</param>
    /// <param name="failureStatus">The status reported on failure; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">More tags, besides <c>trendaccount</c> and <c>store</c>.</param>
    /// <param name="timeout">How long the check may run before it counts as failed; by default the health check service's own.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddTrendAccountStore<TContext>(
        this IHealthChecksBuilder builder,
        string name = StoreCheckName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.TryAddSingleton<DbContextSource<TContext>>();
        return builder.Add(new HealthCheckRegistration(
            name,
            static services => new TrendAccountStoreHealthCheck<TContext>(
                services.GetRequiredService<DbContextSource<TContext>>(),
                services.GetService<IAccountStore>(),
                services.GetService<ITokenStore>()),
            failureStatus,
            StoreTags.Concat(tags ?? []).Distinct(StringComparer.Ordinal),
            timeout));
    }

    /// <summary>
    /// Adds the store health check (see <see cref="AddTrendAccountStore{TContext}"/>) for the ready
    /// <see cref="TrendAccountDbContext"/> of <c>UseEntityFrameworkStores(options =&gt; …)</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <see cref="StoreCheckName"/> by default.</param>
    /// <param name="failureStatus">The status reported on failure; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">More tags, besides <c>trendaccount</c> and <c>store</c>.</param>
    /// <param name="timeout">How long the check may run before it counts as failed.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddTrendAccountStore(
        this IHealthChecksBuilder builder,
        string name = StoreCheckName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null) =>
        builder.AddTrendAccountStore<TrendAccountDbContext>(name, failureStatus, tags, timeout);
}
