using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;
using TrendAccount.Sdk.MailKit.Tests.Infrastructure;

namespace TrendAccount.Sdk.MailKit.Tests.Smtp;

public sealed class SmtpAccountMailerFailureTests : SmtpMailerTestBase
{
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
        Assert.DoesNotContain(Logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
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
    public async Task SendAsync_UntrustedCertificate_ThrowsSecureConnectionFailedAndSendsNothing()
    {
        await using var server = await TestSmtpServer.StartAsync(new() { Certificate = TestCertificate.Value });
        var mailer = CreateMailer(server.Port, o => o.TlsMode = SmtpTlsMode.StartTls);

        var exception = await Assert.ThrowsAsync<AccountMailDeliveryException>(() => mailer.SendAsync(Messages.PasswordReset(), CancellationToken.None)).WaitAsync(HangGuard);

        Assert.Equal(AccountMailDeliveryFailure.SecureConnectionFailed, exception.Failure);
        Assert.NotNull(exception.InnerException);
        Assert.Empty(server.Received);
    }
}
