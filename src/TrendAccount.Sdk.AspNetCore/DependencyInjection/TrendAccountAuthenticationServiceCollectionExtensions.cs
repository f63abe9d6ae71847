using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk;
using TrendAccount.Sdk.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the TrendAccount authentication scheme.</summary>
public static class TrendAccountAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the TrendAccount authentication scheme (<see cref="TrendAccountAuthenticationDefaults.AuthenticationScheme"/>)
    /// as the default scheme, so <c>[Authorize]</c>, <c>RequireAuthorization()</c>, <c>User</c> and policies see the
    /// signed-in customer; plus <see cref="TrendAccountSignInManager"/>, the client reader
    /// (<see cref="TrendAccountClientOptions"/>), authorization, antiforgery and ProblemDetails. Call
    /// <c>AddTrendAccount(...)</c> too, for the SDK itself. Calling this more than once is harmless (configure actions
    /// accumulate).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the scheme's options (cookie, session-check cache, sign-in page); optional.</param>
    /// <returns>The authentication builder, to add other schemes.</returns>
    public static AuthenticationBuilder AddTrendAccountAuthentication(this IServiceCollection services, Action<TrendAccountAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        const string scheme = TrendAccountAuthenticationDefaults.AuthenticationScheme;
        var options = services.AddOptions<TrendAccountAuthenticationOptions>(scheme);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return new AuthenticationBuilder(services);
        }

        services.AddSingleton<Marker>();
        options.ValidateOnStart();
        services.AddOptions<TrendAccountClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrendAccountAuthenticationOptions>, TrendAccountAuthenticationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrendAccountClientOptions>, TrendAccountClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SessionCache(sp.GetRequiredService<IAccountService>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ClientContextFactory(sp.GetRequiredService<IOptionsMonitor<TrendAccountClientOptions>>()));
        services.TryAddSingleton(sp => new TrendAccountSignInManager(
            sp.GetRequiredService<IAccountService>(),
            sp.GetRequiredService<SessionCache>(),
            sp.GetRequiredService<IOptionsMonitor<TrendAccountAuthenticationOptions>>()));
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddProblemDetails();
        return services.AddAuthentication(scheme)
            .AddScheme<TrendAccountAuthenticationOptions, TrendAccountAuthenticationHandler>(scheme, displayName: "Trend Micro Account", configureOptions: null);
    }

    /// <summary>Marks the one-time registrations as done.</summary>
    private sealed class Marker;
}
