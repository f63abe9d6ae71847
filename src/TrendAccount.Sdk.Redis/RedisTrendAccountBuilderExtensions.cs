using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TrendAccount.Sdk;
using TrendAccount.Sdk.Redis;
using TrendAccount.Sdk.Redis.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Counts every sign-in throttle, rate limit, step-up and device failure budget in Redis, so that one limit holds
/// across all nodes of a deployment instead of once per node.
/// </summary>
public static class RedisTrendAccountBuilderExtensions
{
    /// <summary>
    /// Counts attempts in the Redis server(s) of <paramref name="configuration"/>, replacing the SDK's per-process
    /// <see cref="IAttemptCounter"/>, which stays as the fallback while Redis does not answer. The options are
    /// validated when the host starts.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, such as <c>127.0.0.1:6379</c>.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>For the key prefix, retry interval or timeout, use the overload that takes an action.</remarks>
    public static TrendAccountBuilder UseRedisAttemptCounter(this TrendAccountBuilder builder, string configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        Register(builder.Services).Configure(o => o.Configuration = configuration);
        return builder;
    }

    /// <summary>
    /// Counts attempts in Redis through a connection the host already has (and keeps: the SDK never disposes it),
    /// replacing the SDK's per-process <see cref="IAttemptCounter"/>, which stays as the fallback while Redis does not
    /// answer.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="connection">The host's connection; give it <see cref="BacklogPolicy.FailFast"/> so an outage costs no waiting.</param>
    /// <returns>The same builder.</returns>
    /// <remarks>
    /// For the key prefix or retry interval, use the overload that takes an action and set
    /// <see cref="RedisAttemptCounterOptions.ConnectionMultiplexerFactory"/> there.
    /// </remarks>
    public static TrendAccountBuilder UseRedisAttemptCounter(this TrendAccountBuilder builder, IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        Register(builder.Services).Configure(o => o.ConnectionMultiplexerFactory = () => Task.FromResult(connection));
        return builder;
    }

    /// <summary>
    /// Counts attempts in Redis as <paramref name="configure"/> says (set <see cref="RedisAttemptCounterOptions.Configuration"/>
    /// or <see cref="RedisAttemptCounterOptions.ConnectionMultiplexerFactory"/>), replacing the SDK's per-process
    /// <see cref="IAttemptCounter"/>, which stays as the fallback while Redis does not answer. Calling it again adds
    /// to the earlier settings. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UseRedisAttemptCounter(this TrendAccountBuilder builder, Action<RedisAttemptCounterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Register(builder.Services).Configure(configure);
        return builder;
    }

    private static OptionsBuilder<RedisAttemptCounterOptions> Register(IServiceCollection services)
    {
        // The first call captures how the counter being replaced is made (the SDK's in-memory counter, or a host's):
        // it becomes the fallback. Later calls keep that, so calling twice never wraps the Redis counter in itself.
        if (!services.Any(static d => d.ServiceType == typeof(ResilientAttemptCounter)))
        {
            var previous = services.LastOrDefault(static d => d.ServiceType == typeof(IAttemptCounter) && !d.IsKeyedService)
                ?? throw new InvalidOperationException($"No {nameof(IAttemptCounter)} is registered to fall back on: call AddTrendAccount() first.");
            var fallback = FactoryOf(previous);
            services.AddSingleton(static sp => new RedisConnection(sp.GetRequiredService<IOptions<RedisAttemptCounterOptions>>().Value));
            services.AddSingleton(static sp => new RedisMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
            services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<RedisAttemptCounterOptions>>().Value;
                return new ResilientAttemptCounter(
                    new RedisAttemptCounter(sp.GetRequiredService<RedisConnection>(), options.KeyPrefix),
                    fallback(sp),
                    options.RetryInterval,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetService<ILoggerFactory>()?.CreateLogger("TrendAccount.Sdk.Redis.RedisAttemptCounter") ?? NullLogger.Instance,
                    sp.GetRequiredService<RedisMetrics>());
            });
            services.RemoveAll<IAttemptCounter>();
            services.AddSingleton<IAttemptCounter>(static sp => sp.GetRequiredService<ResilientAttemptCounter>());
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisAttemptCounterOptions>, RedisAttemptCounterOptionsValidator>());
        return services.AddOptions<RedisAttemptCounterOptions>().ValidateOnStart();
    }

    private static Func<IServiceProvider, IAttemptCounter> FactoryOf(ServiceDescriptor descriptor)
    {
        if (descriptor.ImplementationInstance is IAttemptCounter instance)
        {
            return _ => instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return sp => (IAttemptCounter)factory(sp);
        }

        throw new InvalidOperationException(
            $"The {nameof(IAttemptCounter)} registered before UseRedisAttemptCounter is registered by type ({descriptor.ImplementationType}); register it with a factory or an instance so it can serve as the fallback.");
    }
}
