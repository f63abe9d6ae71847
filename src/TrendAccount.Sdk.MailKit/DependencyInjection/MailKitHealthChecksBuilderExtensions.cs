using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.MailKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the TrendAccount SMTP health check (<c>services.AddHealthChecks().AddTrendAccountSmtp()</c>).</summary>
public static class MailKitHealthChecksBuilderExtensions
{
    /// <summary>The default name of the SMTP health check: <c>trendaccount-smtp</c>.</summary>
    public const string SmtpCheckName = "trendaccount-smtp";

    private static readonly string[] SmtpTags = ["trendaccount", "smtp"];

    /// <summary>
    /// Adds a health check of the SMTP server configured for <c>UseSmtpMailer</c> (<see cref="SmtpMailerOptions"/>):
    /// connect with the configured TLS mode, EHLO, NOOP and QUIT within <see cref="SmtpMailerOptions.Timeout"/>; no
    /// sign-in, no mail. Tagged <c>trendaccount</c> and <c>smtp</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <see cref="SmtpCheckName"/> by default.</param>
    /// <param name="failureStatus">
    /// The status reported on failure; <see cref="HealthStatus.Unhealthy"/> by default. Mail is sent in the background,
    /// so many hosts choose <see cref="HealthStatus.Degraded"/>: the site still works while the mail server is away.
    /// </param>
    /// <param name="tags">More tags, besides <c>trendaccount</c> and <c>smtp</c>.</param>
    /// <param name="timeout">How long the check may run; by default the health check service's own (the SMTP timeout applies too).</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddTrendAccountSmtp(
        this IHealthChecksBuilder builder,
        string name = SmtpCheckName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            static services => new SmtpHealthCheck(
                services.GetRequiredService<IOptions<SmtpMailerOptions>>(),
                services.GetService<TimeProvider>() ?? TimeProvider.System),
            failureStatus,
            SmtpTags.Concat(tags ?? []).Distinct(StringComparer.Ordinal),
            timeout));
    }
}
