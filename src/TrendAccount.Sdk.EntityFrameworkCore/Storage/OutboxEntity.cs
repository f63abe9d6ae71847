namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The row of one account email in the outbox (table <c>trend_outbox</c>).</summary>
internal sealed class OutboxEntity
{
    /// <summary>Waiting for delivery (due at <see cref="NextAttemptAt"/>, possibly leased).</summary>
    public const int Waiting = 0;

    /// <summary>Handed to the mailer; bodies dropped; purged after the retention period.</summary>
    public const int Delivered = 1;

    /// <summary>Given up after the last attempt; kept for operators, never tried again.</summary>
    public const int Dead = 2;

    public Guid Id { get; set; }

    public int State { get; set; }

    public MailPriority Priority { get; set; }

    public AccountMessageKind Kind { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public Guid? ClaimId { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }

    public static OutboxEntity From(OutboxMail mail) => new()
    {
        Id = mail.Id,
        State = Waiting,
        Priority = mail.Priority,
        Kind = mail.Message.Kind,
        Recipient = mail.Message.To,
        Subject = mail.Message.Subject,
        TextBody = mail.Message.TextBody,
        HtmlBody = mail.Message.HtmlBody,
        Link = mail.Message.Link?.AbsoluteUri,
        CreatedAt = mail.CreatedAt,
        NextAttemptAt = mail.CreatedAt,
        Attempts = 0,
    };

    public OutboxMail ToMail() => new()
    {
        Id = Id,
        Message = new AccountMessage(Kind, Recipient, Subject, TextBody, HtmlBody, Link is null ? null : new Uri(Link, UriKind.Absolute))
        {
            MessageId = Id.ToString("N"),
        },
        Priority = Priority,
        CreatedAt = CreatedAt,
        Attempts = Attempts,
        ClaimId = ClaimId,
    };
}
