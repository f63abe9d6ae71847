using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>Reads the SDK's <see cref="ClientContext"/> from a request.</summary>
public static class HttpContextClientExtensions
{
    /// <summary>
    /// Gets the client of a request, for the SDK's rate limits and captcha checks: the remote address (through the
    /// forwarded header only from <see cref="TrendAccountClientOptions.KnownProxies"/> and
    /// <see cref="TrendAccountClientOptions.KnownNetworks"/>; an IPv6 address as its /64 network) and the user agent.
    /// </summary>
    /// <param name="context">The request's context.</param>
    /// <returns>The client; <see cref="ClientContext.IpAddress"/> is an IPv4 address or an IPv6 network such as <c>2001:db8:1:2::/64</c>.</returns>
    public static ClientContext GetTrendAccountClient(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = context.RequestServices.GetService<ClientContextFactory>()
            ?? new ClientContextFactory(context.RequestServices.GetService<IOptionsMonitor<TrendAccountClientOptions>>() ?? new DefaultMonitor());
        return factory.Create(context);
    }

    private sealed class DefaultMonitor : IOptionsMonitor<TrendAccountClientOptions>
    {
        public TrendAccountClientOptions CurrentValue { get; } = new();

        public TrendAccountClientOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<TrendAccountClientOptions, string?> listener) => null;
    }
}
