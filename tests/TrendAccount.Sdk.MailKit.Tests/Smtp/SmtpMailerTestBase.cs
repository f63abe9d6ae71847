using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Smtp;

/// <summary>Creates mailers pointed at a loopback port and checks what they logged.</summary>
public abstract class SmtpMailerTestBase
{
    protected const string Password = "s3cret-Passw0rd!";
    protected static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    protected FakeLogger<SmtpAccountMailer> Logger { get; } = new();

    protected static TimeSpan HangGuard => TimeSpan.FromSeconds(30);

    protected SmtpAccountMailer CreateMailer(int port, Action<SmtpMailerOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new SmtpMailerOptions
        {
            Host = "127.0.0.1",
            Port = port,
            TlsMode = SmtpTlsMode.None,
            FromAddress = "account@trend.example",
            FromName = "Trend Micro Account",
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new SmtpAccountMailer(Options.Create(options), Logger, timeProvider ?? TimeProvider.System);
    }

    protected static bool TrustTestCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == TestCertificate.Value.GetCertHashString();

    protected static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    protected void AssertFailureLogged(AccountMailDeliveryException exception, string maskedRecipient = Messages.MaskedRecipient)
    {
        var record = Assert.Single(Logger.Collector.GetSnapshot(), r => r.Id.Id == 5102);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Same(exception, record.Exception);
        Assert.Contains(maskedRecipient, record.Message, StringComparison.Ordinal);
        Assert.Contains(exception.Failure.ToString(), record.Message, StringComparison.Ordinal);
        AssertNoSecrets(Logger);
    }

    protected static void AssertNoSecrets(FakeLogger<SmtpAccountMailer> logger)
    {
        foreach (var record in logger.Collector.GetSnapshot())
        {
            var text = record.Message + " " + record.Exception;
            Assert.DoesNotContain(Messages.Recipient, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("token=", text, StringComparison.Ordinal);
            Assert.DoesNotContain("open this link", text, StringComparison.Ordinal);
        }
    }
}
