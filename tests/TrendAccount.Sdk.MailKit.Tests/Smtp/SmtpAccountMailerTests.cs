using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SecureSocketOptions = global::MailKit.Security.SecureSocketOptions;
using SmtpServer.Protocol;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Smtp;

public sealed class SmtpAccountMailerTests
{
    private const string Password = "s3cret-Passw0rd!";
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    private readonly FakeLogger<SmtpAccountMailer> _logger = new();

    [Fact]
    public async Task SendAsync_AcceptingServer_DeliversMultipartWithLinkInBothParts()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var mailer = CreateMailer(server.Port, timeProvider: time);

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.Equal("account@trend.example", received.EnvelopeFrom);
        Assert.Equal([Messages.Recipient], received.EnvelopeTo);
        var message = received.Message;
        Assert.Equal("Change your password now", message.Subject);
        Assert.Equal("account@trend.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Trend Micro Account", Assert.Single(message.From.Mailboxes).Name);
        Assert.Equal(Messages.Recipient, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(time.GetUtcNow(), message.Date);
        Assert.EndsWith("@trend.example", message.MessageId, StringComparison.Ordinal);
        Assert.Equal("PasswordReset", message.Headers[AccountMailHeaders.Kind]);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Null(message.Headers[AccountMailHeaders.Link]);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(
            alternative,
            part => Assert.True(part.ContentType.IsMimeType("text", "plain")),
            part => Assert.True(part.ContentType.IsMimeType("text", "html")));
        Assert.Contains(Messages.ResetLink.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Messages.ResetLink.AbsoluteUri}\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LongLinkAndNonAsciiText_DecodedPartsHoldExactLink()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var mailer = CreateMailer(server.Port);
        var link = Messages.LongLink;
        var message = new AccountMessage(
            AccountMessageKind.PasswordReset,
            Messages.Recipient,
            "Passwort ändern – jetzt",
            $"Grüße! Öffnen Sie diesen Link:\r\n{link.AbsoluteUri}\r\n",
            $"<p>Grüße!</p><p><a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">Passwort ändern</a></p>",
            link);

        await mailer.SendAsync(message, CancellationToken.None);

        var received = Assert.Single(server.Received).Message;
        Assert.Equal("Passwort ändern – jetzt", received.Subject);
        Assert.Contains(link.AbsoluteUri, received.TextBody, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(link.AbsoluteUri), received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Grüße", received.TextBody, StringComparison.Ordinal);
        var raw = Encoding.ASCII.GetString(Assert.Single(server.Received).Raw);
        Assert.All(raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"A line of {line.Length} characters."));
    }

    [Fact]
    public async Task SendAsync_Success_LogsMaskedRecipientButNoBodyLinkOrPassword()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { RequiredCredentials = ("mailer", Password) });
        var mailer = CreateMailer(server.Port, o =>
        {
            o.UserName = "mailer";
            o.Password = Password;
        });

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 5101);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(Messages.MaskedRecipient, record.Message, StringComparison.Ordinal);
        AssertNoSecrets(_logger);
    }

    [Fact]
    public async Task SendAsync_ServerRequiresAuthentication_AuthenticatesWithConfiguredCredentials()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { RequiredCredentials = ("mailer", Password) });
        var mailer = CreateMailer(server.Port, o =>
        {
            o.UserName = "mailer";
            o.Password = Password;
        });

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        Assert.Equal(("mailer", Password), Assert.Single(server.Logins));
        Assert.Equal("mailer", Assert.Single(server.Received).AuthenticatedUser);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ThrowsAuthenticationFailedAndLogsWithoutPassword()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { RequiredCredentials = ("mailer", "the-right-one") });
        var mailer = CreateMailer(server.Port, o =>
        {
            o.UserName = "mailer";
            o.Password = Password;
        });

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.AuthenticationFailed, exception.Failure);
        Assert.False(exception.IsTransient);
        Assert.Empty(server.Received);
        AssertFailureLogged(exception);
        Assert.DoesNotContain(Password, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RecipientRefused_ThrowsRejectedWith550()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { RefuseRecipient = static to => to == Messages.Recipient });
        var mailer = CreateMailer(server.Port);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.Rejected, exception.Failure);
        Assert.Equal(550, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("recipient not accepted", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
        AssertFailureLogged(exception);
    }

    [Fact]
    public async Task SendAsync_MessageRefusedWithReplyNamingRecipient_ServerReplyIsMasked()
    {
        var reply = new SmtpResponse((SmtpReplyCode)554, $"5.7.1 Message to {Messages.Recipient} refused by policy");
        await using var server = await TestSmtpServer.StartAsync(new() { DataReply = reply });
        var mailer = CreateMailer(server.Port);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.Rejected, exception.Failure);
        Assert.Equal(554, exception.StatusCode);
        Assert.Contains($"Message to {Messages.MaskedRecipient} refused", exception.ServerReply, StringComparison.Ordinal);
        Assert.DoesNotContain(Messages.Recipient, exception.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(exception.InnerException);
        AssertFailureLogged(exception);
    }

    [Fact]
    public async Task SendAsync_TemporaryRefusal_IsTransient()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { DataReply = new SmtpResponse((SmtpReplyCode)451, "4.3.0 Try again later") });
        var mailer = CreateMailer(server.Port);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None));

        Assert.Equal(451, exception.StatusCode);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task SendAsync_ServerClosesConnectionOnAccept_ThrowsDisconnected()
    {
        await using var server = RawTcpServer.ClosesImmediately();
        var mailer = CreateMailer(server.Port, o => o.Timeout = TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None)).WaitAsync(HangGuard);

        Assert.Equal(AccountMailDeliveryFailure.Disconnected, exception.Failure);
        Assert.True(exception.IsTransient);
        AssertFailureLogged(exception);
    }

    [Fact]
    public async Task SendAsync_ServerClosesConnectionMidSession_ThrowsDisconnected()
    {
        await using var server = RawTcpServer.ClosesAfterGreeting();
        var mailer = CreateMailer(server.Port, o => o.Timeout = TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None)).WaitAsync(HangGuard);

        Assert.Equal(AccountMailDeliveryFailure.Disconnected, exception.Failure);
        Assert.Contains("while sending", exception.Message, StringComparison.Ordinal);
        AssertFailureLogged(exception);
    }

    [Fact]
    public async Task SendAsync_SilentServer_TimesOutAfterConfiguredTimeout()
    {
        await using var server = RawTcpServer.Silent();
        var mailer = CreateMailer(server.Port, o => o.Timeout = ShortTimeout);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None)).WaitAsync(HangGuard);

        Assert.Equal(AccountMailDeliveryFailure.TimedOut, exception.Failure);
        Assert.True(exception.IsTransient);
        Assert.Contains("while connecting", exception.Message, StringComparison.Ordinal);
        AssertFailureLogged(exception);
    }

    [Fact]
    public async Task SendAsync_SilentServer_DeadlineComesFromTimeProvider()
    {
        // The socket timeout is long; only the injected clock reaching Timeout can end this send.
        await using var server = RawTcpServer.Silent();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var mailer = CreateMailer(server.Port, o => o.Timeout = TimeSpan.FromMinutes(5), time);

        var send = mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);
        await server.Accepted.WaitAsync(HangGuard);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(send.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => send).WaitAsync(HangGuard);
        Assert.Equal(AccountMailDeliveryFailure.TimedOut, exception.Failure);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceledNotDeliveryFailure()
    {
        await using var server = RawTcpServer.Silent();
        var mailer = CreateMailer(server.Port, o => o.Timeout = TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource();

        var send = mailer.SendAsync(Messages.PasswordReset(), cancellation.Token);
        await server.Accepted.WaitAsync(HangGuard);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send).WaitAsync(HangGuard);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ThrowsConnectionFailed()
    {
        var port = FreePort();
        var mailer = CreateMailer(port, o => o.Timeout = TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None)).WaitAsync(HangGuard);

        Assert.Equal(AccountMailDeliveryFailure.ConnectionFailed, exception.Failure);
        Assert.True(exception.IsTransient);
        AssertFailureLogged(exception);
    }

    [Fact]
    public async Task SendAsync_InvalidRecipient_ThrowsInvalidAddressWithoutConnecting()
    {
        await using var server = RawTcpServer.Silent();
        var mailer = CreateMailer(server.Port);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(
            () => mailer.SendAsync(Messages.PasswordReset(to: "not an address"), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.InvalidAddress, exception.Failure);
        Assert.False(server.Accepted.IsCompleted);
        AssertFailureLogged(exception, maskedRecipient: "***");
    }

    [Fact]
    public async Task SendAsync_StartTlsRequiredButNotOffered_ThrowsSecureConnectionFailedAndSendsNothing()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var mailer = CreateMailer(server.Port, o => o.TlsMode = SmtpTlsMode.StartTls);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None));

        Assert.Equal(AccountMailDeliveryFailure.SecureConnectionFailed, exception.Failure);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_StartTlsWhenAvailableAndNotOffered_SendsInClearText()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var mailer = CreateMailer(server.Port, o => o.TlsMode = SmtpTlsMode.StartTlsWhenAvailable);

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        Assert.False(Assert.Single(server.Received).Secure);
    }

    [Fact]
    public async Task SendAsync_StartTlsWithTrustedCertificate_AuthenticatesAndSendsOverTls()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { Certificate = TestCertificate.Value, RequiredCredentials = ("mailer", Password) });
        var mailer = CreateMailer(server.Port, o =>
        {
            o.TlsMode = SmtpTlsMode.StartTls;
            o.UserName = "mailer";
            o.Password = Password;
        });
        mailer.ServerCertificateValidationCallback = TrustTestCertificate;

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.True(received.Secure);
        Assert.Equal("mailer", received.AuthenticatedUser);
    }

    [Fact]
    public async Task SendAsync_SslOnConnect_SendsOverTls()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { Certificate = TestCertificate.Value, ImplicitTls = true });
        var mailer = CreateMailer(server.Port, o => o.TlsMode = SmtpTlsMode.SslOnConnect);
        mailer.ServerCertificateValidationCallback = TrustTestCertificate;

        await mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None);

        Assert.True(Assert.Single(server.Received).Secure);
    }

    [Fact]
    public async Task SendAsync_UntrustedCertificate_ThrowsSecureConnectionFailedAndSendsNothing()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { Certificate = TestCertificate.Value });
        var mailer = CreateMailer(server.Port, o => o.TlsMode = SmtpTlsMode.StartTls);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None)).WaitAsync(HangGuard);

        Assert.Equal(AccountMailDeliveryFailure.SecureConnectionFailed, exception.Failure);
        Assert.NotNull(exception.InnerException);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task SendAsync_ConcurrentSends_EachArrivesOnceWithItsOwnMessageId()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var mailer = CreateMailer(server.Port);
        var recipients = Enumerable.Range(0, 8).Select(i => $"user{i}@example.com").ToArray();

        await Task.WhenAll(recipients.Select(to => mailer.SendAsync(Messages.PasswordChanged(to), CancellationToken.None)));

        var received = server.Received;
        Assert.Equal(recipients.Order(), received.Select(r => Assert.Single(r.EnvelopeTo)).Order());
        Assert.Equal(recipients.Length, received.Select(r => r.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsOptionsValidationException()
    {
        var exception = Assert.Throws<OptionsValidationException>(
            () => new SmtpAccountMailer(Options.Create(new SmtpMailerOptions()), _logger, TimeProvider.System));

        Assert.Contains("TrendAccount:Smtp:Host is required.", exception.Failures);
    }

    [Theory]
    [InlineData(SmtpTlsMode.None, SecureSocketOptions.None)]
    [InlineData(SmtpTlsMode.StartTls, SecureSocketOptions.StartTls)]
    [InlineData(SmtpTlsMode.StartTlsWhenAvailable, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData(SmtpTlsMode.SslOnConnect, SecureSocketOptions.SslOnConnect)]
    public void ToSecureSocketOptions_EachMode_MapsToMailKit(SmtpTlsMode mode, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpAccountMailer.ToSecureSocketOptions(mode));

    private static TimeSpan HangGuard => TimeSpan.FromSeconds(30);

    private SmtpAccountMailer CreateMailer(int port, Action<SmtpMailerOptions>? configure = null, TimeProvider? timeProvider = null)
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
        return new SmtpAccountMailer(Options.Create(options), _logger, timeProvider ?? TimeProvider.System);
    }

    private static bool TrustTestCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString() == TestCertificate.Value.GetCertHashString();

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void AssertFailureLogged(AccountMailDeliveryException exception, string maskedRecipient = Messages.MaskedRecipient)
    {
        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 5102);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Same(exception, record.Exception);
        Assert.Contains(maskedRecipient, record.Message, StringComparison.Ordinal);
        Assert.Contains(exception.Failure.ToString(), record.Message, StringComparison.Ordinal);
        AssertNoSecrets(_logger);
    }

    private static void AssertNoSecrets(FakeLogger<SmtpAccountMailer> logger)
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
