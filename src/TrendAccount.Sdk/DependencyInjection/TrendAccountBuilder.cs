using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk;

/// <summary>
/// Configures the SDK's services after <c>services.AddTrendAccount(...)</c>: which stores, mailer and captcha
/// verifier to use. Adapter packages add their own <c>Use…</c> extension methods to this type.
/// </summary>
/// <remarks>
/// Every <c>Use…</c> method replaces any earlier registration of its service, so the last call wins, whatever
/// registered it first (another <c>Use…</c> call, an adapter, or the defaults of <c>AddTrendAccount</c>).
/// </remarks>
public sealed class TrendAccountBuilder
{
    private const DynamicallyAccessedMemberTypes Constructors = DynamicallyAccessedMemberTypes.PublicConstructors;

    /// <summary>Initializes a new instance of the <see cref="TrendAccountBuilder"/> class.</summary>
    /// <param name="services">The service collection being configured.</param>
    public TrendAccountBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Uses the in-memory reference stores (<see cref="InMemoryAccountStore"/>, <see cref="InMemoryTokenStore"/>),
    /// one instance each per container, also resolvable by their concrete types. For tests, samples and
    /// single-process hosts that accept losing data on restart.
    /// </summary>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseInMemoryStores()
    {
        Services.RemoveAll<IAccountStore>();
        Services.RemoveAll<ITokenStore>();
        Services.RemoveAll<InMemoryAccountStore>();
        Services.RemoveAll<InMemoryTokenStore>();
        Services.AddSingleton(_ => new InMemoryAccountStore());
        Services.AddSingleton(_ => new InMemoryTokenStore());
        Services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<InMemoryAccountStore>());
        Services.AddSingleton<ITokenStore>(sp => sp.GetRequiredService<InMemoryTokenStore>());
        return this;
    }

    /// <summary>Uses a mailer type, created by the container (a singleton).</summary>
    /// <typeparam name="TMailer">The mailer.</typeparam>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseMailer<[DynamicallyAccessedMembers(Constructors)] TMailer>()
        where TMailer : class, IAccountMailer => Replace<IAccountMailer, TMailer>();

    /// <summary>Uses a mailer instance.</summary>
    /// <param name="mailer">The mailer, such as a <see cref="RecordingAccountMailer"/> a test keeps a reference to.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseMailer(IAccountMailer mailer) => Replace(mailer);

    /// <summary>Uses a captcha verifier type, created by the container (a singleton).</summary>
    /// <typeparam name="TVerifier">The verifier.</typeparam>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseCaptchaVerifier<[DynamicallyAccessedMembers(Constructors)] TVerifier>()
        where TVerifier : class, ICaptchaVerifier => Replace<ICaptchaVerifier, TVerifier>();

    /// <summary>Uses a captcha verifier instance.</summary>
    /// <param name="verifier">The verifier.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseCaptchaVerifier(ICaptchaVerifier verifier) => Replace(verifier);

    /// <summary>Uses reworded or translated texts: a class derived from <see cref="TrendAccountMessages"/>.</summary>
    /// <typeparam name="TMessages">The texts.</typeparam>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseMessages<[DynamicallyAccessedMembers(Constructors)] TMessages>()
        where TMessages : TrendAccountMessages => Replace<TrendAccountMessages, TMessages>();

    /// <summary>Uses reworded or translated texts.</summary>
    /// <param name="messages">The texts.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseMessages(TrendAccountMessages messages) => Replace(messages);

    /// <summary>Uses a password blocklist instead of the built-in one.</summary>
    /// <typeparam name="TBlocklist">The blocklist.</typeparam>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UsePasswordBlocklist<[DynamicallyAccessedMembers(Constructors)] TBlocklist>()
        where TBlocklist : class, IPasswordBlocklist => Replace<IPasswordBlocklist, TBlocklist>();

    /// <summary>Uses a password blocklist instance instead of the built-in one.</summary>
    /// <param name="blocklist">The blocklist.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UsePasswordBlocklist(IPasswordBlocklist blocklist) => Replace(blocklist);

    /// <summary>
    /// Screens every new password (registration, reset, change; never sign-in) against known breaches with a screen
    /// type, created by the container (a singleton). Without a screen, only the built-in common-password list applies.
    /// </summary>
    /// <typeparam name="TScreen">The screen.</typeparam>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseBreachedPasswordScreen<[DynamicallyAccessedMembers(Constructors)] TScreen>()
        where TScreen : class, IBreachedPasswordScreen => Replace<IBreachedPasswordScreen, TScreen>();

    /// <summary>Screens every new password against known breaches with a screen instance.</summary>
    /// <param name="screen">The screen.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseBreachedPasswordScreen(IBreachedPasswordScreen screen) => Replace(screen);

    /// <summary>Uses a password hasher instead of <see cref="BcryptPasswordHasher"/>.</summary>
    /// <typeparam name="THasher">The hasher.</typeparam>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UsePasswordHasher<[DynamicallyAccessedMembers(Constructors)] THasher>()
        where THasher : class, IPasswordHasher => Replace<IPasswordHasher, THasher>();

    /// <summary>Uses a password hasher instance instead of <see cref="BcryptPasswordHasher"/>.</summary>
    /// <param name="hasher">The hasher.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UsePasswordHasher(IPasswordHasher hasher) => Replace(hasher);

    /// <summary>Uses a clock instead of <see cref="TimeProvider.System"/> (tests pass a <c>FakeTimeProvider</c>).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    public TrendAccountBuilder UseTimeProvider(TimeProvider timeProvider) => Replace(timeProvider);

    /// <summary>
    /// Purges expired token records — sessions, reset links and every other token — with a hosted service
    /// (a <c>BackgroundService</c>) that the host starts and stops: a first pass at start-up, then one every
    /// <see cref="RetentionOptions.Interval"/>, in batches of <see cref="RetentionOptions.BatchSize"/>, keeping records
    /// for <see cref="RetentionOptions.GracePeriod"/> after they expire. Works with every <see cref="ITokenStore"/>.
    /// </summary>
    /// <param name="configure">Sets the options; optional. Calling this again adds to the earlier settings.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// Without this call nothing deletes expired tokens, and the token store grows by one record per sign-in for
    /// ever. Hosted services run only under a host (<c>Host.CreateApplicationBuilder</c>, ASP.NET Core); a bare
    /// <c>ServiceProvider</c> never starts it. The options are validated when the host starts.
    /// </remarks>
    public TrendAccountBuilder AddRetention(Action<RetentionOptions>? configure = null)
    {
        var options = Services.AddOptions<RetentionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TokenRetentionService>(static sp => new TokenRetentionService(
            sp.GetService<ITokenStore>() ?? throw new InvalidOperationException(FlowRequirementsValidator.Missing(typeof(ITokenStore))),
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TrendAccountMetrics>(),
            sp.GetService<ILogger<TokenRetentionService>>() ?? NullLogger<TokenRetentionService>.Instance)));
        return this;
    }

    private TrendAccountBuilder Replace<TService, [DynamicallyAccessedMembers(Constructors)] TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        Services.RemoveAll<TService>();
        Services.AddSingleton<TService, TImplementation>();
        return this;
    }

    private TrendAccountBuilder Replace<TService>(TService instance)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(instance);
        Services.RemoveAll<TService>();
        Services.AddSingleton(instance);
        return this;
    }
}
