using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpAuthenticationException = MailKit.Security.AuthenticationException;
using TlsAuthenticationException = System.Security.Authentication.AuthenticationException;

namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Sends account emails through an SMTP server with MailKit: a <c>multipart/alternative</c> message with a plain-text
/// and an HTML part, and the headers mail providers expect (Date, Message-ID, From, To, Subject). Thread-safe.
/// </summary>
/// <remarks>
/// Each message opens its own connection, sends and quits. Account emails are rare (a reset, a reminder, a notice), so a
/// pooled connection would mostly sit idle until the server drops it; a fresh one has no stale state, needs no lock,
/// and lets concurrent sends run side by side. The whole exchange is bounded by <see cref="SmtpMailerOptions.Timeout"/>:
/// a server that refuses, disconnects or hangs ends in a logged <see cref="AccountMailDeliveryException"/>, never a hang.
/// </remarks>
public sealed class SmtpAccountMailer : IAccountMailer
{
    private readonly string _host;
    private readonly int _port;
    private readonly SecureSocketOptions _secureSocketOptions;
    private readonly string? _userName;
    private readonly string _password;
    private readonly TimeSpan _timeout;
    private readonly MailboxAddress _from;
    private readonly ILogger<SmtpAccountMailer> _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="SmtpAccountMailer"/> class.</summary>
    /// <param name="options">The SMTP settings; validated here as well as at start-up.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock for the Date header and the timeout.</param>
    /// <exception cref="OptionsValidationException">The settings are not valid.</exception>
    public SmtpAccountMailer(IOptions<SmtpMailerOptions> options, ILogger<SmtpAccountMailer> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = options.Value;
        SmtpMailerOptionsValidator.ThrowIfInvalid(value);

        // Copied: later changes to the options object do not change a running mailer.
        _host = value.Host!.Trim();
        _port = value.Port;
        _secureSocketOptions = ToSecureSocketOptions(value.TlsMode);
        _userName = string.IsNullOrEmpty(value.UserName) ? null : value.UserName;
        _password = value.Password ?? string.Empty;
        _timeout = value.Timeout;
        _from = new MailboxAddress(value.FromName ?? string.Empty, value.FromAddress!.Trim());
        _logger = logger;
        _timeProvider = timeProvider;
    }

    private enum Stage
    {
        Connecting,
        Authenticating,
        Sending,
    }

    /// <summary>Gets or sets a certificate check that replaces the system's; only tests set it (to trust a test certificate).</summary>
    internal RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }

    /// <inheritdoc />
    /// <exception cref="AccountMailDeliveryException">The message could not be handed over (already logged).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        var recipient = EmailMask.Mask(message.To);
        if (!AccountMimeMessage.TryParseRecipient(message.To, out var to))
        {
            var invalid = new AccountMailDeliveryException(
                AccountMailDeliveryFailure.InvalidAddress, $"The recipient address of the {message.Kind} email ({recipient}) is not a valid email address.");
            MailLog.SmtpMessageFailed(_logger, message.Kind, recipient, _host, _port, "preparing", invalid.Failure, null, invalid);
            throw invalid;
        }

        using var mime = AccountMimeMessage.Create(message, _from, to, _timeProvider.GetUtcNow(), includeLinkHeader: false);
        using var deadline = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var client = new SmtpClient { Timeout = (int)_timeout.TotalMilliseconds };
        if (ServerCertificateValidationCallback is not null)
        {
            client.ServerCertificateValidationCallback = ServerCertificateValidationCallback;
        }

        var stage = Stage.Connecting;
        try
        {
            await client.ConnectAsync(_host, _port, _secureSocketOptions, linked.Token).ConfigureAwait(false);
            if (_userName is not null)
            {
                stage = Stage.Authenticating;
                await client.AuthenticateAsync(_userName, _password, linked.Token).ConfigureAwait(false);
            }

            stage = Stage.Sending;
            await client.SendAsync(mime, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var failure = Translate(exception, stage, message);
            MailLog.SmtpMessageFailed(
                _logger, message.Kind, recipient, _host, _port, Describe(stage), failure.Failure, failure.StatusCode, failure);
            throw failure;
        }

        MailLog.SmtpMessageSent(_logger, message.Kind, recipient, _host, _port, mime.MessageId ?? string.Empty);

        // The server has accepted the message: a failing QUIT must not turn that into a failure (a retry would send twice).
        try
        {
            await client.DisconnectAsync(quit: true, linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            MailLog.SmtpQuitFailed(_logger, message.Kind, exception);
        }
    }

    internal static SecureSocketOptions ToSecureSocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown TLS mode."),
    };

    private static string Describe(Stage stage) => stage switch
    {
        Stage.Connecting => "connecting",
        Stage.Authenticating => "authenticating",
        _ => "sending",
    };

    private static AccountMailDeliveryException Translate(Exception exception, Stage stage, AccountMessage message)
    {
        var kind = message.Kind;
        var during = Describe(stage);
        switch (exception)
        {
            // The caller's own cancellation was rethrown before: any other is the deadline or MailKit's socket timeout.
            case OperationCanceledException:
            case TimeoutException:
            case IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut } }:
            case SocketException { SocketErrorCode: SocketError.TimedOut }:
                return new(AccountMailDeliveryFailure.TimedOut, $"The SMTP server did not answer in time while {during} (the {kind} email).", exception);

            case SmtpAuthenticationException auth:
                return new(
                    AccountMailDeliveryFailure.AuthenticationFailed,
                    $"The SMTP server did not accept the user name and password (the {kind} email).",
                    statusCode: null,
                    serverReply: EmailMask.Redact(auth.Message, message.To));

            case SmtpCommandException command:
                var status = (int)command.StatusCode;
                var reply = EmailMask.Redact(command.Message, message.To);
                return new(
                    AccountMailDeliveryFailure.Rejected,
                    string.Create(CultureInfo.InvariantCulture, $"The SMTP server refused the {kind} email while {during}: {status} {Refused(command.ErrorCode)}."),
                    statusCode: status,
                    serverReply: reply);

            case SslHandshakeException:
            case TlsAuthenticationException:
                return new(AccountMailDeliveryFailure.SecureConnectionFailed, $"TLS could not be established with the SMTP server (the {kind} email).", exception);

            case NotSupportedException when stage == Stage.Connecting:
                return new(AccountMailDeliveryFailure.SecureConnectionFailed, $"The SMTP server does not offer STARTTLS, which TlsMode StartTls requires (the {kind} email).", exception);

            case NotSupportedException when stage == Stage.Authenticating:
                return new(AccountMailDeliveryFailure.AuthenticationFailed, $"The SMTP server offers no authentication mechanism this mailer can use (the {kind} email).", exception);

            case SocketException when stage == Stage.Connecting:
                return new(AccountMailDeliveryFailure.ConnectionFailed, $"The SMTP server could not be reached (the {kind} email).", exception);

            case SmtpProtocolException:
            case ServiceNotConnectedException:
            case SocketException:
            case IOException:
                return new(AccountMailDeliveryFailure.Disconnected, $"The SMTP server closed the connection while {during} (the {kind} email).", exception);

            default:
                return new(AccountMailDeliveryFailure.Unknown, $"The {kind} email could not be sent while {during}.", exception);
        }
    }

    private static string Refused(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.SenderNotAccepted => "sender not accepted",
        SmtpErrorCode.RecipientNotAccepted => "recipient not accepted",
        SmtpErrorCode.MessageNotAccepted => "message not accepted",
        _ => "unexpected reply",
    };
}
