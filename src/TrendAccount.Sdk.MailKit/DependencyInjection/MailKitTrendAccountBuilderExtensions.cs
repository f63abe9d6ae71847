using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk;
using TrendAccount.Sdk.MailKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Chooses a mailer of the TrendAccount.Sdk.MailKit package. Like every <c>Use…</c> method, each replaces the
/// <see cref="IAccountMailer"/> registered before it: the last call wins.
/// </summary>
public static class MailKitTrendAccountBuilderExtensions
{
    private static readonly Func<IServiceProvider, object> SmtpMailerFactory =
        static provider => provider.GetRequiredService<SmtpAccountMailer>();

    private static readonly Func<IServiceProvider, object> PickupMailerFactory =
        static provider => provider.GetRequiredService<PickupDirectoryAccountMailer>();

    /// <summary>Sends account emails through an SMTP server configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the <see cref="SmtpMailerOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; a bad value stops it with a message naming the setting.</remarks>
    public static TrendAccountBuilder UseSmtpMailer(this TrendAccountBuilder builder, Action<SmtpMailerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddSmtpMailer(builder.Services).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Sends account emails through an SMTP server configured from a configuration section, by convention
    /// <see cref="SmtpMailerOptions.SectionName"/> (<c>TrendAccount:Smtp</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section holding <c>Host</c>, <c>Port</c>, <c>TlsMode</c>, <c>UserName</c>, <c>Password</c>,
    /// <c>FromAddress</c>, <c>FromName</c> and <c>Timeout</c>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; a bad value stops it with a message naming the setting.</remarks>
    public static TrendAccountBuilder UseSmtpMailer(this TrendAccountBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddSmtpMailer(builder.Services).Bind(section);
        return builder;
    }

    /// <summary>
    /// Writes account emails as <c>.eml</c> files into a folder instead of sending them (development and samples).
    /// Resolve <see cref="PickupDirectoryAccountMailer"/> to learn the full path or to read the messages back.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="directory">The folder; relative paths are resolved against the current directory. Created when missing.</param>
    /// <returns>The builder.</returns>
    public static TrendAccountBuilder UsePickupDirectoryMailer(this TrendAccountBuilder builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(directory);
        var services = builder.Services;
        services.AddOptions<PickupDirectoryMailerOptions>()
            .Configure(options => options.Directory = directory)
            .ValidateOnStart();
        if (!services.Any(static d => d.ServiceType == typeof(IValidateOptions<PickupDirectoryMailerOptions>) && d.ImplementationInstance is PickupDirectoryMailerOptionsValidator))
        {
            services.AddSingleton<IValidateOptions<PickupDirectoryMailerOptions>>(
                new PickupDirectoryMailerOptionsValidator(() => IsInUse(services, PickupMailerFactory)));
        }

        services.TryAddSingleton(static provider => new PickupDirectoryAccountMailer(
            provider.GetRequiredService<IOptions<PickupDirectoryMailerOptions>>(),
            provider.GetService<ILogger<PickupDirectoryAccountMailer>>() ?? NullLogger<PickupDirectoryAccountMailer>.Instance,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        ReplaceMailer(services, PickupMailerFactory);
        return builder;
    }

    private static OptionsBuilder<SmtpMailerOptions> AddSmtpMailer(IServiceCollection services)
    {
        var options = services.AddOptions<SmtpMailerOptions>().ValidateOnStart();
        if (!services.Any(static d => d.ServiceType == typeof(IValidateOptions<SmtpMailerOptions>) && d.ImplementationInstance is SmtpMailerOptionsValidator))
        {
            services.AddSingleton<IValidateOptions<SmtpMailerOptions>>(new SmtpMailerOptionsValidator(() => IsInUse(services, SmtpMailerFactory)));
        }

        services.TryAddSingleton(static provider => new SmtpAccountMailer(
            provider.GetRequiredService<IOptions<SmtpMailerOptions>>(),
            provider.GetService<ILogger<SmtpAccountMailer>>() ?? NullLogger<SmtpAccountMailer>.Instance,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        ReplaceMailer(services, SmtpMailerFactory);
        return options;
    }

    private static void ReplaceMailer(IServiceCollection services, Func<IServiceProvider, object> factory)
    {
        services.RemoveAll<IAccountMailer>();
        services.Add(ServiceDescriptor.Singleton(typeof(IAccountMailer), factory));
    }

    // The services are complete once the provider is built, which is when options are validated.
    private static bool IsInUse(IServiceCollection services, Func<IServiceProvider, object> factory) =>
        services.LastOrDefault(static d => d.ServiceType == typeof(IAccountMailer) && !d.IsKeyedService)?.ImplementationFactory == factory;
}
