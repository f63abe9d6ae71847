using System.Text;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace TrendAccount.Sdk.MailKit;

/// <summary>Builds the MIME form of an <see cref="AccountMessage"/>, shared by both mailers.</summary>
internal static class AccountMimeMessage
{
    /// <summary>The longest line RFC 5322 allows, without its CRLF.</summary>
    public const int MaximumLineLength = 998;

    // Header values are folded at 78 characters by default, and a link (one long word) then turns into RFC 2047
    // encoded-words. Allowing the full line length keeps a link of up to ~970 characters readable as it is.
    private static readonly FormatOptions LongLineHeaders = CreateLongLineHeaders();

    public static bool TryParseRecipient(string address, out MailboxAddress mailbox)
    {
        if (MailboxAddress.TryParse(address, out var parsed)
            && parsed.Address.Contains('@', StringComparison.Ordinal)
            && string.Equals(parsed.Address, address.Trim(), StringComparison.Ordinal))
        {
            mailbox = new MailboxAddress(string.Empty, parsed.Address);
            return true;
        }

        mailbox = null!;
        return false;
    }

    public static MimeMessage Create(AccountMessage message, MailboxAddress from, MailboxAddress to, DateTimeOffset date, bool includeLinkHeader)
    {
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(to);
        mime.Subject = message.Subject;
        mime.Date = date;
        // An outbox mail carries a stable id (its row's): every delivery of it, a repeat after a crash included, has the
        // same Message-Id, so mail systems and people can tell the copy for what it is.
        mime.MessageId = message.MessageId is { Length: > 0 } id
            ? (id.Contains('@', StringComparison.Ordinal) ? id : id + "@" + from.Domain)
            : MimeUtils.GenerateMessageId(from.Domain);

        // RFC 3834: tells auto-responders (out-of-office) not to answer an automatic message.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add(AccountMailHeaders.Kind, message.Kind.ToString());
        if (includeLinkHeader && message.Link is not null)
        {
            var header = new Header(AccountMailHeaders.Link, string.Empty);
            header.SetValue(LongLineHeaders, Encoding.UTF8, message.Link.AbsoluteUri);
            mime.Headers.Add(header);
        }

        var text = new TextPart(TextFormat.Plain) { Text = message.TextBody };
        if (string.IsNullOrEmpty(message.HtmlBody))
        {
            mime.Body = text;
        }
        else
        {
            // Least preferred first: clients show the last part they can render.
            mime.Body = new MultipartAlternative { text, new TextPart(TextFormat.Html) { Text = message.HtmlBody } };
        }

        return mime;
    }

    private static FormatOptions CreateLongLineHeaders()
    {
        var format = FormatOptions.Default.Clone();
        format.MaxLineLength = MaximumLineLength;
        return format;
    }
}
