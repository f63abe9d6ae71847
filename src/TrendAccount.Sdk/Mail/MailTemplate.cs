namespace TrendAccount.Sdk;

/// <summary>
/// One account email written once: a subject, plain paragraphs and at most one link. The SDK renders it both as
/// plain text and as HTML (every value HTML-encoded), so the two bodies cannot drift apart. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Write paragraphs as plain text, never as HTML: the renderer encodes them. The link, when there is one, is rendered
/// after the first paragraph: on a line of its own in the text body, as an anchor with <see cref="LinkText"/> in HTML.
/// </remarks>
public sealed class MailTemplate
{
    /// <summary>Initializes a new instance of the <see cref="MailTemplate"/> class.</summary>
    /// <param name="subject">The subject line.</param>
    /// <param name="paragraphs">The paragraphs, plain text, in order; at least one.</param>
    /// <param name="link">The link to show after the first paragraph, if any.</param>
    /// <param name="linkText">What the link says; required when <paramref name="link"/> is given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> or <paramref name="paragraphs"/> is <see langword="null"/>, or <paramref name="link"/> is given without <paramref name="linkText"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paragraphs"/> is empty or holds a <see langword="null"/>.</exception>
    public MailTemplate(string subject, IEnumerable<string> paragraphs, Uri? link = null, string? linkText = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var list = paragraphs.ToArray();
        if (list.Length == 0 || Array.Exists(list, p => p is null))
        {
            throw new ArgumentException("A mail needs at least one paragraph, and no paragraph may be null.", nameof(paragraphs));
        }

        if (link is not null)
        {
            ArgumentNullException.ThrowIfNull(linkText);
        }

        Subject = subject;
        Paragraphs = list;
        Link = link;
        LinkText = link is null ? null : linkText;
    }

    /// <summary>Gets the subject line.</summary>
    public string Subject { get; }

    /// <summary>Gets the paragraphs, plain text, in order.</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>Gets the link shown after the first paragraph, if any.</summary>
    public Uri? Link { get; }

    /// <summary>Gets what the link says, when there is a link.</summary>
    public string? LinkText { get; }

    /// <inheritdoc />
    public override string ToString() => Subject;
}
