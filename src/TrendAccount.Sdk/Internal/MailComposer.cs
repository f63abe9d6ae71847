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
    private readonly IMailOutbox? _outbox;
    private readonly OutboxSignal? _signal;

    /// <param name="context">The flows' shared context.</param>
    /// <param name="mailer">The host's mailer (queue mode).</param>
    /// <param name="work">The background queue.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="outbox">The store's outbox and this node's delivery signal when <c>AddOutboxDelivery()</c> is on; mail is then written there, not sent.</param>
    public MailComposer(FlowContext context, IAccountMailer mailer, AccountWorkQueue work, ILogger<MailComposer> logger, (IMailOutbox Outbox, OutboxSignal Signal)? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(logger);
        _context = context;
        _mailer = mailer;
        _work = work;
        _logger = logger;
        _outbox = outbox?.Outbox;
        _signal = outbox?.Signal;
    }

    /// <summary>Gets whether mail goes to a durable outbox (written with the change it reports) rather than the in-memory queue.</summary>
    public bool IsDurable => _outbox is not null;

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
    /// changed, "you already have an account") are not; a kind not named here counts as urgent, so a new kind is never shed by default.
    /// </summary>
    public static bool IsUrgent(AccountMessageKind kind) =>
        kind is not (AccountMessageKind.LockoutNotice or AccountMessageKind.PasswordChanged or AccountMessageKind.AccountExistsNotice);

    public void QueueLockoutNotice(AccountRecord account, int failedAttempts, DateTimeOffset lockoutEnd) =>
        QueueNotice(Render(AccountMessageKind.LockoutNotice, account.Email, Messages.LockoutNoticeMail(failedAttempts, lockoutEnd)));

    public void QueuePasswordChanged(AccountRecord account, DateTimeOffset changedAt) =>
        QueueNotice(Render(AccountMessageKind.PasswordChanged, account.Email, Messages.PasswordChangedMail(changedAt)));

    /// <summary>
    /// Queues the address reminder in the urgent lane; waits for room when it is full (never dropped). With an outbox
    /// the reminder is written there before the flow answers.
    /// </summary>
    public async ValueTask QueueEmailReminderAsync(AccountRecord account, string maskedSerial, CancellationToken cancellationToken)
    {
        var message = Render(AccountMessageKind.EmailReminder, account.Email, Messages.EmailReminderMail(account.Email, maskedSerial));
        if (_outbox is not null)
        {
            await WriteAsync(message, null, cancellationToken).ConfigureAwait(false);
        }
        else if (!await _work.EnqueueUrgentAsync(message.Kind.ToString(), ct => SendAsync(message, ct), cancellationToken).ConfigureAwait(false))
        {
            _context.Metrics.Mail(message.Kind, "dropped");
        }
    }

    /// <summary>Renders the reset mail carrying <paramref name="link"/>.</summary>
    public AccountMessage PasswordResetMessage(AccountRecord account, Uri link, TimeSpan lifetime) =>
        Render(AccountMessageKind.PasswordReset, account.Email, Messages.PasswordResetMail(link, lifetime));

    /// <summary>Renders the registration confirmation carrying <paramref name="link"/>.</summary>
    public AccountMessage RegistrationConfirmationMessage(string email, Uri link, TimeSpan lifetime) =>
        Render(AccountMessageKind.RegistrationConfirmation, email, Messages.RegistrationConfirmationMail(link, lifetime));

    /// <summary>Sends (or, with an outbox, writes) the "you already have an account" notice; the caller already runs off the response path.</summary>
    public Task<bool> SendAccountExistsNoticeAsync(AccountRecord account, CancellationToken cancellationToken) =>
        DeliverAsync(Render(AccountMessageKind.AccountExistsNotice, account.Email, Messages.AccountExistsNoticeMail()), cancellationToken);

    private static void Paragraph(StringBuilder text, StringBuilder html, string paragraph)
    {
        text.Append(paragraph).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
    }

    /// <summary>
    /// Delivers a mail that carries a freshly issued token (reset link, registration confirmation). With an outbox, the
    /// token and the mail are written in one transaction: a crash after it loses neither, before it leaves neither.
    /// Without one, the token is stored and the mail sent now (the caller already runs off the response path).
    /// <paramref name="afterStored"/>, when given, runs once the token is stored (committed) and before the mail is sent.
    /// </summary>
    public async Task<bool> SendWithTokenAsync(AccountMessage message, TokenRecord token, ITokenStore tokens, Func<CancellationToken, Task>? afterStored, CancellationToken cancellationToken)
    {
        if (_outbox is not null)
        {
            await WriteAsync(message, token, cancellationToken).ConfigureAwait(false);
            if (afterStored is not null)
            {
                await afterStored(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        await tokens.AddAsync(token, cancellationToken).ConfigureAwait(false);
        if (afterStored is not null)
        {
            await afterStored(cancellationToken).ConfigureAwait(false);
        }

        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a mail now (queue mode) or writes it to the outbox; the caller already runs off the response path.</summary>
    public async Task<bool> DeliverAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        if (_outbox is not null)
        {
            await WriteAsync(message, null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(AccountMessage message, TokenRecord? token, CancellationToken cancellationToken)
    {
        var now = _context.Now;
        var id = Guid.CreateVersion7(now);
        var mail = new OutboxMail
        {
            Id = id,
            Message = new AccountMessage(message.Kind, message.To, message.Subject, message.TextBody, message.HtmlBody, message.Link) { MessageId = id.ToString("N") },
            Priority = IsUrgent(message.Kind) ? MailPriority.Urgent : MailPriority.Notice,
            CreatedAt = now,
        };
        await _outbox!.AddAsync(mail, token, cancellationToken).ConfigureAwait(false);
        _context.Metrics.Mail(message.Kind, "queued");
        Log.OutboxMailWritten(_logger, message.Kind, Redaction.MaskEmail(message.To), id, mail.Priority);
        _signal?.Notify();
    }

    private void QueueNotice(AccountMessage message)
    {
        // With an outbox the notice lane still bounds how many notices wait to be written, so a flood of notices
        // costs the database no more than it costs the queue.
        Func<CancellationToken, Task> work = _outbox is null ? ct => SendAsync(message, ct) : ct => WriteAsync(message, null, ct);
        if (!_work.TryEnqueueNotice(message.Kind.ToString(), work))
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
