using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.Testing;

/// <summary>
/// For tests and samples: waits until the SDK's background work (account emails, the account-side half of a
/// password-reset request) has finished, so a test can read the mail a flow promised. Production code never needs
/// it: flows answer without waiting for mail by design.
/// </summary>
public static class BackgroundWork
{
    /// <summary>Waits until no background work of the SDK registered in <paramref name="services"/> is queued or running.</summary>
    /// <param name="services">The service provider the SDK was added to with <c>AddTrendAccount</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the queue is idle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddTrendAccount</c> was not called on the collection behind <paramref name="services"/>.</exception>
    public static Task WhenIdleAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<AccountWorkQueue>().WhenIdleAsync(cancellationToken);
    }
}
