using System.Diagnostics.CodeAnalysis;
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrendAccountOptions>, TrendAccountOptionsValidator>());
        services.AddOptions<FlowRequirements>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlowRequirements>, FlowRequirementsValidator>(
            sp => new FlowRequirementsValidator(sp.GetRequiredService<IOptions<TrendAccountOptions>>(), sp.GetService<IServiceProviderIsService>())));

        // The pure building blocks: they need options only, never a store, mailer or captcha.
        services.TryAddSingleton(TimeProvider.System);

        // Each group is also registered on its own, read from the root options: the building blocks take only their
        // own group, so the domain never names the root.
        AddGroup(services, o => o.Password);
        AddGroup(services, o => o.Hashing);
        AddGroup(services, o => o.Lockout);
        AddGroup(services, o => o.SignIn);
        AddGroup(services, o => o.Tokens);
        AddGroup(services, o => o.Serials);
        AddGroup(services, o => o.Recovery);
        AddGroup(services, o => o.RateLimits);
        services.TryAddSingleton<IPasswordHasher>(sp => new BcryptPasswordHasher(sp.GetRequiredService<IOptions<HashingOptions>>()));
        services.TryAddSingleton(sp => new PasswordPolicy(sp.GetRequiredService<IOptions<PasswordOptions>>(), sp.GetService<IPasswordBlocklist>()));
        services.TryAddSingleton<IBreachedPasswordScreen>(NoBreachedPasswordScreen.Instance);
        services.TryAddSingleton(sp => new SerialClassifier(sp.GetRequiredService<IOptions<SerialOptions>>()));
        services.TryAddSingleton(CredentialNormalizer.Default);
        services.TryAddSingleton(TrendAccountMessages.Default);

        // The flows and their shared internal services.
        services.TryAddSingleton(sp => new TrendAccountMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var queue = new AccountWorkQueue(LoggerFor<AccountWorkQueue>(sp), sp.GetRequiredService<TimeProvider>());
            sp.GetRequiredService<TrendAccountMetrics>().ObserveWorkQueue(queue);
            return queue;
        });
        services.TryAddSingleton(sp => new FlowContext(
            Group<PasswordOptions>(sp),
            Group<LockoutOptions>(sp),
            Group<TokenOptions>(sp),
            sp.GetRequiredService<TrendAccountMessages>(),
            sp.GetRequiredService<TrendAccountMetrics>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new InMemoryAttemptCounter(
            sp.GetRequiredService<TimeProvider>(),
            Group<RateLimitOptions>(sp).MaximumTrackedKeys,
            sp.GetRequiredService<TrendAccountMetrics>()));
        services.TryAddSingleton<IAttemptCounter>(sp => sp.GetRequiredService<InMemoryAttemptCounter>());
        services.TryAddSingleton(sp => new RecoveryLimits(
            Group<RecoveryOptions>(sp), Group<RateLimitOptions>(sp), sp.GetRequiredService<IAttemptCounter>()));
        services.TryAddSingleton(sp => new DeviceTokens(Group<SignInOptions>(sp)));
        services.TryAddSingleton(sp => new VerificationGate(Group<SignInOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new MailComposer(
            sp.GetRequiredService<FlowContext>(), Require<IAccountMailer>(sp), sp.GetRequiredService<AccountWorkQueue>(), LoggerFor<MailComposer>(sp),
            sp.GetService<OutboxSignal>() is { } signal ? (OutboxTrendAccountBuilderExtensions.RequireOutbox(sp), signal) : null));
        services.TryAddSingleton(sp => new TokenService(sp.GetRequiredService<FlowContext>(), Require<ITokenStore>(sp), Require<IAccountStore>(sp)));
        services.TryAddSingleton(sp => new CredentialVerifier(
            sp.GetRequiredService<FlowContext>(),
            Require<IAccountStore>(sp),
            sp.GetRequiredService<IPasswordHasher>(),
            sp.GetRequiredService<MailComposer>(),
            sp.GetRequiredService<IAttemptCounter>(),
            LoggerFor<CredentialVerifier>(sp)));
        services.TryAddSingleton(sp => new NewPasswordService(
            sp.GetRequiredService<FlowContext>(),
            Require<IAccountStore>(sp),
            sp.GetRequiredService<IPasswordHasher>(),
            new NewPasswordRules(
                sp.GetRequiredService<PasswordPolicy>(),
                new NewPasswordBreachCheck(
                    sp.GetService<IBreachedPasswordScreen>() ?? NoBreachedPasswordScreen.Instance,
                    LoggerFor<NewPasswordBreachCheck>(sp))),
            sp.GetRequiredService<TokenService>(),
            sp.GetRequiredService<MailComposer>(),
            LoggerFor<NewPasswordService>(sp)));
        services.TryAddSingleton(sp => new ResetLinkIssuer(
            sp.GetRequiredService<FlowContext>(),
            sp.GetRequiredService<RecoveryLimits>(),
            Require<IAccountStore>(sp),
            sp.GetRequiredService<TokenService>(),
            sp.GetRequiredService<MailComposer>(),
            sp.GetRequiredService<AccountWorkQueue>(),
            LoggerFor<ResetLinkIssuer>(sp)));
        services.TryAddSingleton(sp => new RegistrationMailIssuer(
            sp.GetRequiredService<FlowContext>(),
            Group<RecoveryOptions>(sp).RegistrationLinkBaseUrl,
            Require<IAccountStore>(sp),
            sp.GetRequiredService<TokenService>(),
            sp.GetRequiredService<MailComposer>(),
            sp.GetRequiredService<AccountWorkQueue>(),
            LoggerFor<RegistrationMailIssuer>(sp)));
        services.TryAddSingleton<IAccountService>(sp => new MeasuredAccountService(
            CreateAccountService(sp), sp.GetRequiredService<TrendAccountMetrics>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SignInTroubleshooter(
            sp.GetRequiredService<CredentialNormalizer>(),
            sp.GetRequiredService<SerialClassifier>(),
            sp.GetRequiredService<TrendAccountMessages>(),
            sp.GetRequiredService<IOptions<PasswordOptions>>(),
            LoggerFor<SignInTroubleshooter>(sp)));
        return new TrendAccountBuilder(services);
    }

    private static void AddGroup<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TGroup>(
        IServiceCollection services, Func<TrendAccountOptions, TGroup> select)
        where TGroup : class =>
        services.TryAddSingleton<IOptions<TGroup>>(sp => Microsoft.Extensions.Options.Options.Create(select(sp.GetRequiredService<IOptions<TrendAccountOptions>>().Value)));

    private static TGroup Group<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TGroup>(IServiceProvider services)
        where TGroup : class =>
        services.GetRequiredService<IOptions<TGroup>>().Value;

    private static AccountService CreateAccountService(IServiceProvider services)
    {
        // Reading the values runs the validators, so a plain ServiceProvider (no host, no ValidateOnStart) gets
        // the same start-up error, naming what to call, instead of a null reference at the first reset.
        _ = services.GetRequiredService<IOptions<TrendAccountOptions>>().Value;
        _ = services.GetRequiredService<IOptions<FlowRequirements>>().Value;
        var context = services.GetRequiredService<FlowContext>();
        var normalizer = services.GetRequiredService<CredentialNormalizer>();
        var serials = services.GetRequiredService<SerialClassifier>();
        var accounts = Require<IAccountStore>(services);
        var captcha = Require<ICaptchaVerifier>(services);
        var tokens = services.GetRequiredService<TokenService>();
        var verifier = services.GetRequiredService<CredentialVerifier>();
        var newPasswords = services.GetRequiredService<NewPasswordService>();
        var limits = services.GetRequiredService<RecoveryLimits>();
        return new AccountService(
            new SignInHandler(context, normalizer, accounts, verifier, tokens, CreateSignInGuard(services, context, captcha), LoggerFor<SignInHandler>(services)),
            new RegistrationHandler(context, serials, normalizer, accounts, newPasswords, CreateRegistrationGate(services, captcha), LoggerFor<RegistrationHandler>(services)),
            new ConfirmRegistrationHandler(context, accounts, tokens, LoggerFor<ConfirmRegistrationHandler>(services)),
            new EmailRecoveryHandler(context, serials, accounts, captcha, limits, services.GetRequiredService<MailComposer>(), LoggerFor<EmailRecoveryHandler>(services)),
            new ForgotPasswordHandler(context, normalizer, captcha, limits, TrustedDeviceId(services, context), services.GetRequiredService<ResetLinkIssuer>(), LoggerFor<ForgotPasswordHandler>(services)),
            new ResetPasswordHandler(context, normalizer, tokens, newPasswords, limits, LoggerFor<ResetPasswordHandler>(services)),
            new ChangePasswordHandler(context, normalizer, accounts, tokens, verifier, newPasswords, LoggerFor<ChangePasswordHandler>(services)),
            new SessionHandler(context, tokens, LoggerFor<SessionHandler>(services)));
    }

    private static SignInGuard CreateSignInGuard(IServiceProvider services, FlowContext context, ICaptchaVerifier captcha) => new(
        context,
        Group<SignInOptions>(services),
        services.GetRequiredService<IAttemptCounter>(),
        services.GetRequiredService<DeviceTokens>(),
        services.GetRequiredService<VerificationGate>(),
        captcha,
        LoggerFor<SignInGuard>(services));

    private static RegistrationGate CreateRegistrationGate(IServiceProvider services, ICaptchaVerifier captcha) => new(
        Group<RateLimitOptions>(services),
        services.GetRequiredService<IAttemptCounter>(),
        captcha,
        services.GetRequiredService<RegistrationMailIssuer>(),
        LoggerFor<RegistrationGate>(services));

    // The device id of a valid device token for the typed address (its lookup key), or null: one HMAC, no look-up.
    private static Func<string?, string, string?> TrustedDeviceId(IServiceProvider services, FlowContext context)
    {
        var devices = services.GetRequiredService<DeviceTokens>();
        return (token, lookupKey) => devices.Validate(token, lookupKey, context.Now);
    }

    private static T Require<T>(IServiceProvider services)
        where T : class =>
        services.GetService<T>() ?? throw new InvalidOperationException(FlowRequirementsValidator.Missing(typeof(T)));

    private static ILogger<T> LoggerFor<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
