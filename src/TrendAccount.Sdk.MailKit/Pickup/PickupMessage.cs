namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// A message read back from a pickup directory by <see cref="PickupDirectoryAccountMailer.ReadMessages()"/>, for
/// development tools such as an outbox page. Immutable.
/// </summary>
public sealed class PickupMessage
{
    /// <summary>Initializes a new instance of the <see cref="PickupMessage"/> class.</summary>
    /// <param name="path">The full path of the <c>.eml</c> file.</param>
    /// <param name="kind">The kind, from the <see cref="AccountMailHeaders.Kind"/> header, if present and known.</param>
    /// <param name="to">The first recipient's address.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="date">The Date header.</param>
    /// <param name="messageId">The Message-ID header, without angle brackets.</param>
    /// <param name="link">The link, from the <see cref="AccountMailHeaders.Link"/> header, if any.</param>
    /// <param name="textBody">The decoded plain-text part.</param>
    /// <param name="htmlBody">The decoded HTML part.</param>
    public PickupMessage(
        string path, AccountMessageKind? kind, string to, string subject, DateTimeOffset date, string? messageId, Uri? link, string? textBody, string? htmlBody)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(subject);
        Path = path;
        Kind = kind;
        To = to;
        Subject = subject;
        Date = date;
        MessageId = messageId;
        Link = link;
        TextBody = textBody;
        HtmlBody = htmlBody;
    }

    /// <summary>Gets the full path of the <c>.eml</c> file (open it in a mail client to see the message as sent).</summary>
    public string Path { get; }

    /// <summary>Gets the kind of message, or <see langword="null"/> when the file was not written by this package.</summary>
    public AccountMessageKind? Kind { get; }

    /// <summary>Gets the first recipient's address (empty when the file names none).</summary>
    public string To { get; }

    /// <summary>Gets the subject.</summary>
    public string Subject { get; }

    /// <summary>Gets the Date header.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>Gets the Message-ID header, without angle brackets.</summary>
    public string? MessageId { get; }

    /// <summary>Gets the message's link (the "change your password now" link), or <see langword="null"/>.</summary>
    public Uri? Link { get; }

    /// <summary>Gets the decoded plain-text part, or <see langword="null"/>.</summary>
    public string? TextBody { get; }

    /// <summary>Gets the decoded HTML part, or <see langword="null"/>.</summary>
    public string? HtmlBody { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind?.ToString() ?? "Unknown"} message ({System.IO.Path.GetFileName(Path)})";
}
