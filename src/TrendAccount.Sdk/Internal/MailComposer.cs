using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The one place account emails are made and sent: each mail's <see cref="MailTemplate"/> comes from
/// <see cref="TrendAccountMessages"/> and is rendered here as text and HTML; sending is queued off the response path,
/// and a failure to send is logged and counted, never thrown into a flow. One per container; thread-safe.
/// </summary>
/// <remarks>
/// Each kind has a lane (<see cref="IsUrgent"/>): mail a customer asked for and waits on goes to the urgent lane of
/// <see cref="AccountWorkQueue"/>, which never drops; notices, which an attacker can trigger without a captcha, go to
/// the bounded notice lane, which sheds (logged and counted) when full.
/// </remarks>
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

    /// <summary>
    /// Whether a kind of mail travels in the urgent lane: the reset link, the address reminder and the registration
    /// confirmation — mail the customer asked for behind a captcha and is waiting on. Notices (lockout, password
    /// changed) are not; a kind not named here counts as urgent, so a new kind is never shed by default.
    /// </summary>
    public static bool IsUrgent(AccountMessageKind kind) =>
        kind is not (AccountMessageKind.LockoutNotice or AccountMessageKind.PasswordChanged);

    public void QueueLockoutNotice(AccountRecord account, int failedAttempts, DateTimeOffset lockoutEnd) =>
        QueueNotice(Render(AccountMessageKind.LockoutNotice, account.Email, Messages.LockoutNoticeMail(failedAttempts, lockoutEnd)));

    public void QueuePasswordChanged(AccountRecord account, DateTimeOffset changedAt) =>
        QueueNotice(Render(AccountMessageKind.PasswordChanged, account.Email, Messages.PasswordChangedMail(changedAt)));

    /// <summary>Queues the address reminder in the urgent lane; waits for room when it is full (never dropped).</summary>
    public async ValueTask QueueEmailReminderAsync(AccountRecord account, string maskedSerial, CancellationToken cancellationToken)
    {
        var message = Render(AccountMessageKind.EmailReminder, account.Email, Messages.EmailReminderMail(account.Email, maskedSerial));
        if (!await _work.EnqueueUrgentAsync(message.Kind.ToString(), ct => SendAsync(message, ct), cancellationToken).ConfigureAwait(false))
        {
            _context.Metrics.Mail(message.Kind, "dropped");
        }
    }

    /// <summary>Sends the reset mail now (the caller already runs off the response path).</summary>
    public Task<bool> SendPasswordResetAsync(AccountRecord account, Uri link, TimeSpan lifetime, CancellationToken cancellationToken) =>
        SendAsync(Render(AccountMessageKind.PasswordReset, account.Email, Messages.PasswordResetMail(link, lifetime)), cancellationToken);

    private static void Paragraph(StringBuilder text, StringBuilder html, string paragraph)
    {
        text.Append(paragraph).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
    }

    private void QueueNotice(AccountMessage message)
    {
        if (!_work.TryEnqueueNotice(message.Kind.ToString(), ct => SendAsync(message, ct)))
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
