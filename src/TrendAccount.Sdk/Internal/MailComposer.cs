using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The one place account emails are made and sent: each mail's <see cref="MailTemplate"/> comes from
/// <see cref="TrendAccountMessages"/> and is rendered here as text and HTML; sending is queued off the response path,
/// and a failure to send is logged and counted, never thrown into a flow. One per container; thread-safe.
/// </summary>
internal sealed class MailComposer
{
    private readonly FlowContext _context;
    private readonly IAccountMailer _mailer;
    private readonly AccountWorkQueue _work;
    private readonly ILogger _logger;

    public MailComposer(FlowContext context, IAccountMailer mailer, AccountWorkQueue work, ILogger<MailComposer> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _mailer = mailer;
        _work = work;
        _logger = logger;
    }

    private TrendAccountMessages Messages => _context.Messages;

    /// <summary>Renders a template to an <see cref="AccountMessage"/>: text and HTML from the same paragraphs.</summary>
    public static AccountMessage Render(AccountMessageKind kind, string to, MailTemplate template)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        for (var i = 0; i < template.Paragraphs.Count; i++)
        {
            Paragraph(text, html, template.Paragraphs[i]);
            if (i == 0 && template.Link is { } link)
            {
                text.Append(template.LinkText).Append(":\n").Append(link.AbsoluteUri).Append("\n\n");
                html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">")
                    .Append(WebUtility.HtmlEncode(template.LinkText)).Append("</a></p>");
            }
        }

        return new AccountMessage(kind, to, template.Subject, text.ToString().TrimEnd('\n') + "\n", html.ToString(), template.Link);
    }

    public void QueueLockoutNotice(AccountRecord account, int failedAttempts, DateTimeOffset lockoutEnd) =>
        Queue(Render(AccountMessageKind.LockoutNotice, account.Email, Messages.LockoutNoticeMail(failedAttempts, lockoutEnd)));

    public void QueuePasswordChanged(AccountRecord account, DateTimeOffset changedAt) =>
        Queue(Render(AccountMessageKind.PasswordChanged, account.Email, Messages.PasswordChangedMail(changedAt)));

    public void QueueEmailReminder(AccountRecord account, string maskedSerial) =>
        Queue(Render(AccountMessageKind.EmailReminder, account.Email, Messages.EmailReminderMail(account.Email, maskedSerial)));

    /// <summary>Sends the reset mail now (the caller already runs off the response path).</summary>
    public Task<bool> SendPasswordResetAsync(AccountRecord account, Uri link, TimeSpan lifetime, CancellationToken cancellationToken) =>
        SendAsync(Render(AccountMessageKind.PasswordReset, account.Email, Messages.PasswordResetMail(link, lifetime)), cancellationToken);

    /// <summary>Sends the registration confirmation now (the caller already runs off the response path).</summary>
    public Task<bool> SendRegistrationConfirmationAsync(string email, Uri link, TimeSpan lifetime, CancellationToken cancellationToken) =>
        SendAsync(Render(AccountMessageKind.RegistrationConfirmation, email, Messages.RegistrationConfirmationMail(link, lifetime)), cancellationToken);

    /// <summary>Sends the "you already have an account" notice now (the caller already runs off the response path).</summary>
    public Task<bool> SendAccountExistsNoticeAsync(AccountRecord account, CancellationToken cancellationToken) =>
        SendAsync(Render(AccountMessageKind.AccountExistsNotice, account.Email, Messages.AccountExistsNoticeMail()), cancellationToken);

    private static void Paragraph(StringBuilder text, StringBuilder html, string paragraph)
    {
        text.Append(paragraph).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
    }

    private void Queue(AccountMessage message)
    {
        if (!_work.TryEnqueue(message.Kind.ToString(), ct => SendAsync(message, ct)))
        {
            _context.Metrics.Mail(message.Kind, "dropped");
        }
    }

    private async Task<bool> SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        var maskedTo = Redaction.MaskEmail(message.To);
        try
        {
            await _mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.Metrics.Mail(message.Kind, "failed");
            Log.MailFailed(_logger, message.Kind, maskedTo, exception);
            return false;
        }

        _context.Metrics.Mail(message.Kind, "sent");
        Log.MailSent(_logger, message.Kind, maskedTo);
        return true;
    }
}
