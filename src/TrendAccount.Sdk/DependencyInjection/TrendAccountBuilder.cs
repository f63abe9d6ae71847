using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk;

/// <summary>
/// Configures the SDK's services after <c>services.AddTrendAccount(...)</c>: which stores, mailer and captcha
/// verifier to use. Adapter packages add their own <c>Use…</c> extension methods to this type.
/// </summary>
public sealed class TrendAccountBuilder
{
    /// <summary>Initializes a new instance of the <see cref="TrendAccountBuilder"/> class.</summary>
    /// <param name="services">The service collection being configured.</param>
    public TrendAccountBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; }
}
