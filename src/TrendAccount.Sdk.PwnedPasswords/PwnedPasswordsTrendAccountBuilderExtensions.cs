using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using TrendAccount.Sdk;
using TrendAccount.Sdk.PwnedPasswords;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PwnedPasswordsBreachScreen"/> as the SDK's <see cref="IBreachedPasswordScreen"/>.</summary>
public static class PwnedPasswordsTrendAccountBuilderExtensions
{
    /// <summary>The name of the resilience pipeline on the <see cref="PwnedPasswordsBreachScreen.HttpClientName"/> client.</summary>
    public const string ResiliencePipelineName = "TrendAccount.Sdk.PwnedPasswords";

    // The circuit breaker: after half the requests of 30 seconds failed (20 requests at least), stop asking for
    // 15 seconds, so an outage costs customers nothing but the fail-open or fail-closed answer, at once.
    private const double BreakerFailureRatio = 0.5;
    private const int BreakerMinimumThroughput = 20;
    private static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BreakerBreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Screens new passwords against the public Pwned Passwords range service with the default options, replacing any
    /// <see cref="IBreachedPasswordScreen"/> registered before (every <c>Use…</c> replaces; the last one wins).
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UsePwnedPasswords(this TrendAccountBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder.Services);
        return builder;
    }

    /// <summary>
    /// Screens new passwords through the range protocol, online or from a local folder, replacing any
    /// <see cref="IBreachedPasswordScreen"/> registered before. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="configure">Sets the options; calling the method again adds to the earlier settings.</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UsePwnedPasswords(this TrendAccountBuilder builder, Action<PwnedPasswordsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        Register(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Screens new passwords through the range protocol with options bound from a configuration section
    /// (<see cref="PwnedPasswordsOptions.SectionName"/> by convention), replacing any
    /// <see cref="IBreachedPasswordScreen"/> registered before. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The SDK builder.</param>
    /// <param name="section">The section holding <c>BaseUrl</c>, <c>OfflineDirectory</c>, <c>Timeout</c>, <c>FailureMode</c>, ….</param>
    /// <returns>The same builder.</returns>
    public static TrendAccountBuilder UsePwnedPasswords(this TrendAccountBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        Register(builder.Services).Bind(section);
        return builder;
    }

    private static OptionsBuilder<PwnedPasswordsOptions> Register(IServiceCollection services)
    {
        // The client and its handlers are added once: a second call would stack a second resilience handler.
        if (!services.Any(static d => d.ServiceType == typeof(PwnedPasswordsBreachScreen)))
        {
            services.AddHttpClient(PwnedPasswordsBreachScreen.HttpClientName)
                .ConfigureHttpClient(static client =>
                {
                    // The screen's own deadline (on the injected clock) bounds every call; no second, wall-clock one.
                    client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                    client.DefaultRequestHeaders.UserAgent.ParseAdd("TrendAccount.Sdk.PwnedPasswords");
                })
                .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
                // The default request logging writes each URL, prefix included, at Information: the screen logs its
                // own failures without it. A host that wants it back calls AddDefaultLogger() on the named client.
                .RemoveAllLoggers()
                .AddResilienceHandler(ResiliencePipelineName, static (pipeline, context) =>
                {
                    var options = context.ServiceProvider.GetRequiredService<IOptions<PwnedPasswordsOptions>>().Value;
                    if (options.MaxRetries > 0)
                    {
                        pipeline.AddRetry(new HttpRetryStrategyOptions
                        {
                            MaxRetryAttempts = options.MaxRetries,
                            Delay = options.RetryDelay,
                            BackoffType = DelayBackoffType.Exponential,
                            UseJitter = true,
                            ShouldRetryAfterHeader = false,
                        });
                    }

                    pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = BreakerFailureRatio,
                        MinimumThroughput = BreakerMinimumThroughput,
                        SamplingDuration = BreakerSamplingDuration,
                        BreakDuration = BreakerBreakDuration,
                    });
                });

            services.AddSingleton(static sp => new PwnedPasswordsBreachScreen(
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IOptions<PwnedPasswordsOptions>>(),
                sp.GetService<ILogger<PwnedPasswordsBreachScreen>>() ?? NullLogger<PwnedPasswordsBreachScreen>.Instance,
                sp.GetService<TimeProvider>(),
                sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PwnedPasswordsOptions>, PwnedPasswordsOptionsValidator>());
        services.RemoveAll<IBreachedPasswordScreen>();
        services.AddSingleton<IBreachedPasswordScreen>(static sp => sp.GetRequiredService<PwnedPasswordsBreachScreen>());
        return services.AddOptions<PwnedPasswordsOptions>().ValidateOnStart();
    }
}
