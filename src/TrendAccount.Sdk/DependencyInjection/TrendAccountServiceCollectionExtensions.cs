using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TrendAccount.Sdk in a service collection.</summary>
public static class TrendAccountServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK: <see cref="IAccountService"/>, <see cref="SignInTroubleshooter"/> and their defaults
    /// (<see cref="TimeProvider.System"/>, <see cref="BcryptPasswordHasher"/>, <see cref="PasswordPolicy"/>, no breach
    /// screening (<see cref="IBreachedPasswordScreen"/>),
    /// <see cref="SerialClassifier"/>, <see cref="CredentialNormalizer"/>, <see cref="TrendAccountMessages"/>),
    /// each only if not registered yet. Stores, mailer and captcha verifier are the host's choice: pick them on the
    /// returned builder. Calling this more than once is harmless (configure actions accumulate).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; optional.</param>
    /// <returns>The builder, to choose stores, mailer and captcha verifier.</returns>
    /// <remarks>
    /// Options are validated when the host starts (<c>ValidateOnStart</c>), and again when <see cref="IAccountService"/>
    /// is first resolved from any service provider: a missing store, mailer, captcha verifier or
    /// <see cref="RecoveryOptions.ResetLinkBaseUrl"/> stops the application with a message naming what to call or set.
    /// </remarks>
#pragma warning disable RS0027 // The two overloads are the documented public contract (DESIGN.md); they cannot be confused.
    public static TrendAccountBuilder AddTrendAccount(this IServiceCollection services, Action<TrendAccountOptions>? configure = null)
#pragma warning restore RS0027
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TrendAccountOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, options);
    }

    /// <summary>
    /// Adds the SDK (see <see cref="AddTrendAccount(IServiceCollection, Action{TrendAccountOptions}?)"/>) with options
    /// bound from a configuration section, by convention <c>configuration.GetSection("TrendAccount")</c>.
    /// Binding is source-generated (trimming- and AOT-safe).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the options (<see cref="TrendAccountOptions.SectionName"/>).</param>
    /// <returns>The builder, to choose stores, mailer and captcha verifier.</returns>
    public static TrendAccountBuilder AddTrendAccount(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var options = services.AddOptions<TrendAccountOptions>().Bind(section);
        return AddCore(services, options);
    }

    private static TrendAccountBuilder AddCore(IServiceCollection services, OptionsBuilder<TrendAccountOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrendAccountOptions>, TrendAccountOptionsValidator>(
            sp => new TrendAccountOptionsValidator(sp.GetService<IServiceProviderIsService>())));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPasswordHasher>(sp => new BcryptPasswordHasher(sp.GetRequiredService<IOptions<TrendAccountOptions>>()));
        services.TryAddSingleton(sp => new PasswordPolicy(sp.GetRequiredService<IOptions<TrendAccountOptions>>(), sp.GetService<IPasswordBlocklist>()));
        services.TryAddSingleton<IBreachedPasswordScreen>(NoBreachedPasswordScreen.Instance);
        services.TryAddSingleton(sp => new SerialClassifier(sp.GetRequiredService<IOptions<TrendAccountOptions>>()));
        services.TryAddSingleton(CredentialNormalizer.Default);
        services.TryAddSingleton(TrendAccountMessages.Default);
        services.TryAddSingleton(sp => new TrendAccountMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new AccountWorkQueue(LoggerFor<AccountWorkQueue>(sp)));
        services.TryAddSingleton<IAccountService>(CreateAccountService);
        services.TryAddSingleton(sp => new SignInTroubleshooter(
            Require<IAccountStore>(sp),
            sp.GetRequiredService<CredentialNormalizer>(),
            sp.GetRequiredService<SerialClassifier>(),
            sp.GetRequiredService<TrendAccountMessages>(),
            sp.GetRequiredService<IOptions<TrendAccountOptions>>(),
            LoggerFor<SignInTroubleshooter>(sp)));
        return new TrendAccountBuilder(services);
    }

    private static AccountService CreateAccountService(IServiceProvider services)
    {
        // Reading the value runs the validators, so a plain ServiceProvider (no host, no ValidateOnStart) gets
        // the same start-up error, naming what to call, instead of a null reference at the first reset.
        var options = services.GetRequiredService<IOptions<TrendAccountOptions>>();
        _ = options.Value;
        return new AccountService(
            options,
            Require<IAccountStore>(services),
            Require<ITokenStore>(services),
            services.GetRequiredService<IPasswordHasher>(),
            services.GetRequiredService<PasswordPolicy>(),
            new NewPasswordBreachCheck(
                services.GetService<IBreachedPasswordScreen>() ?? NoBreachedPasswordScreen.Instance,
                LoggerFor<NewPasswordBreachCheck>(services)),
            services.GetRequiredService<CredentialNormalizer>(),
            services.GetRequiredService<SerialClassifier>(),
            Require<ICaptchaVerifier>(services),
            Require<IAccountMailer>(services),
            services.GetRequiredService<TrendAccountMessages>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<AccountWorkQueue>(),
            services.GetRequiredService<TrendAccountMetrics>(),
            LoggerFor<AccountService>(services));
    }

    private static T Require<T>(IServiceProvider services)
        where T : class =>
        services.GetService<T>() ?? throw new InvalidOperationException(TrendAccountOptionsValidator.Missing(typeof(T)));

    private static ILogger<T> LoggerFor<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
