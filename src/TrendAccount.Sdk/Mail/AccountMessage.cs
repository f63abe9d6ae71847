namespace TrendAccount.Sdk;

/// <summary>An email the SDK asks the host's <see cref="IAccountMailer"/> to send. Immutable.</summary>
public sealed class AccountMessage
{
    /// <summary>Initializes a new instance of the <see cref="AccountMessage"/> class.</summary>
    /// <param name="kind">Which email this is.</param>
    /// <param name="to">The recipient's address.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="textBody">The plain-text body.</param>
    /// <param name="htmlBody">The HTML body.</param>
    /// <param name="link">The link the message carries (the reset link), if any.</param>
    public AccountMessage(AccountMessageKind kind, string to, string subject, string textBody, string htmlBody, Uri? link = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        ArgumentNullException.ThrowIfNull(htmlBody);
        Kind = kind;
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        Link = link;
    }

    /// <summary>Gets which email this is.</summary>
    public AccountMessageKind Kind { get; }

    /// <summary>Gets the recipient's address.</summary>
    public string To { get; }

    /// <summary>Gets the subject line.</summary>
    public string Subject { get; }

    /// <summary>Gets the plain-text body.</summary>
    public string TextBody { get; }

    /// <summary>Gets the HTML body.</summary>
    public string HtmlBody { get; }

    /// <summary>Gets the link the message carries (the "change your password now" link), if any.</summary>
    public Uri? Link { get; }

    /// <summary>
    /// Gets a stable id for the message, set when it comes from a durable outbox: the row's id as 32 hex digits.
    /// Mailers put it in the Message-Id header (the MailKit mailers as <c>&lt;id@sender-domain&gt;</c>), so a copy
    /// delivered twice after a crash is recognisable as the same message. <see langword="null"/> for queued mail.
    /// </summary>
    public string? MessageId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} message";
}
