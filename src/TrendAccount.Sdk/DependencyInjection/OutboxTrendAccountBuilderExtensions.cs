using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on durable mail: the outbox of the store, delivered by a hosted service.</summary>
public static class OutboxTrendAccountBuilderExtensions
{
    /// <summary>
    /// Writes every account email to the store's outbox (<see cref="IMailOutbox"/>; the Entity Framework Core store
    /// has one) instead of the in-memory queue — a reset link or a registration confirmation in the same transaction as
    /// its token — and delivers it with a hosted service that the host starts and stops: retries with exponential
    /// backoff, urgent mail first, a stable Message-Id per mail, dead letters after the last attempt, delivered rows
    /// purged after a retention period. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the delivery settings (<see cref="OutboxDeliveryOptions"/>), or <see langword="null"/> for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>
    /// The host must run hosted services (the generic host or ASP.NET Core does); the store must provide an
    /// <see cref="IMailOutbox"/>, or resolving the flows fails with a message saying so. Every node may call it:
    /// the store leases each row to one node at a time.
    /// </remarks>
    public static TrendAccountBuilder AddOutboxDelivery(this TrendAccountBuilder builder, Action<OutboxDeliveryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<OutboxDeliveryOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxDeliveryOptions>, OutboxDeliveryOptionsValidator>());
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton(sp => new OutboxMetrics(sp.GetService<IMeterFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TrendAccountMetrics>()));
        services.TryAddSingleton(sp => new OutboxDeliveryService(
            RequireOutbox(sp),
            sp.GetRequiredService<IAccountMailer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<OutboxDeliveryOptions>>(),
            sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<OutboxMetrics>(),
            sp.GetService<ILogger<OutboxDeliveryService>>() ?? NullLogger<OutboxDeliveryService>.Instance));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDeliveryService>(sp => sp.GetRequiredService<OutboxDeliveryService>()));
        return builder;
    }

    internal static IMailOutbox RequireOutbox(IServiceProvider services) =>
        services.GetService<IMailOutbox>() ?? throw new InvalidOperationException(
            "AddOutboxDelivery() needs a store with an outbox (IMailOutbox): use UseEntityFrameworkStores(...), or remove AddOutboxDelivery() to keep the in-memory mail queue.");
}
