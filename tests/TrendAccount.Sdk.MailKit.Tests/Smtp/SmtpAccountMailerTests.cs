using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SecureSocketOptions = global::MailKit.Security.SecureSocketOptions;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Smtp;

public sealed class SmtpAccountMailerTests : SmtpMailerTestBase
{
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
    public async Task SendAsync_OutboxMessageSentTwice_BothCopiesCarryTheSameMessageId()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var mailer = CreateMailer(server.Port);
        var id = Guid.CreateVersion7().ToString("N");
        var reset = Messages.PasswordReset();
        var fromOutbox = new AccountMessage(reset.Kind, reset.To, reset.Subject, reset.TextBody, reset.HtmlBody, reset.Link) { MessageId = id };

        // A node delivered it and died before marking the row; the next node delivers it again.
        await mailer.SendAsync(fromOutbox, CancellationToken.None);
        await mailer.SendAsync(fromOutbox, CancellationToken.None);
        await mailer.SendAsync(reset, CancellationToken.None);

        Assert.Equal(3, server.Received.Count);
        Assert.Equal(id + "@trend.example", server.Received[0].Message.MessageId);
        Assert.Equal(id + "@trend.example", server.Received[1].Message.MessageId);
        Assert.NotEqual(server.Received[0].Message.MessageId, server.Received[2].Message.MessageId);
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

        var record = Assert.Single(Logger.Collector.GetSnapshot(), r => r.Id.Id == 5101);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(Messages.MaskedRecipient, record.Message, StringComparison.Ordinal);
        AssertNoSecrets(Logger);
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
            () => new SmtpAccountMailer(Options.Create(new SmtpMailerOptions()), Logger, TimeProvider.System));

        Assert.Contains("TrendAccount:Smtp:Host is required.", exception.Failures);
    }

    [Theory]
    [InlineData(SmtpTlsMode.None, SecureSocketOptions.None)]
    [InlineData(SmtpTlsMode.StartTls, SecureSocketOptions.StartTls)]
    [InlineData(SmtpTlsMode.StartTlsWhenAvailable, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData(SmtpTlsMode.SslOnConnect, SecureSocketOptions.SslOnConnect)]
    public void ToSecureSocketOptions_EachMode_MapsToMailKit(SmtpTlsMode mode, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpAccountMailer.ToSecureSocketOptions(mode));
}
