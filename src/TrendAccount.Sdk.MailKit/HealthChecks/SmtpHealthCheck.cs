using System.Net.Security;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Reports whether the SMTP server of <see cref="SmtpMailerOptions"/> takes connections: connect (with the configured
/// TLS mode; MailKit sends EHLO), NOOP, QUIT, all within the options' <see cref="SmtpMailerOptions.Timeout"/>. It
/// does not sign in or send, so it never spends the server's login attempts or sending quota. Thread-safe.
/// </summary>
internal sealed class SmtpHealthCheck : IHealthCheck
{
    private readonly IOptions<SmtpMailerOptions> _options;
    private readonly TimeProvider _time;

    public SmtpHealthCheck(IOptions<SmtpMailerOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
    }

    /// <summary>Gets or sets a certificate check that replaces the system's; only tests set it.</summary>
    internal RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = _options.Value;
        var host = options.Host?.Trim();
        if (string.IsNullOrEmpty(host))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No SMTP host is configured (TrendAccount:Smtp:Host).");
        }

        var server = $"{host}:{options.Port}";
        using var deadline = new CancellationTokenSource(options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        if (ServerCertificateValidationCallback is not null)
        {
            client.ServerCertificateValidationCallback = ServerCertificateValidationCallback;
        }

        try
        {
            await client.ConnectAsync(host, options.Port, SmtpAccountMailer.ToSecureSocketOptions(options.TlsMode), linked.Token).ConfigureAwait(false);
            await client.NoOpAsync(linked.Token).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, linked.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The SMTP server {server} answers.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The SMTP server {server} did not answer within {options.Timeout.TotalSeconds:0.#} s.", exception);
        }
        catch (Exception exception)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The SMTP server {server} failed: {exception.Message}", exception);
        }
    }
}
