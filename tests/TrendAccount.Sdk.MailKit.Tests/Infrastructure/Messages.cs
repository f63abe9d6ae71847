using System.Net;

namespace TrendAccount.Sdk.MailKit.Tests.Infrastructure;

/// <summary>Account messages shaped like the ones the flows send.</summary>
public static class Messages
{
    public const string Recipient = "jane.doe@example.com";
    public const string MaskedRecipient = "j***e@e***e.com";

    public static readonly Uri ResetLink = new("https://account.example.com/reset?token=q0w9E8r7T6y5U4i3O2p1-_aSdFgHjKlZxCvBnM1234567890ab");

    /// <summary>A link longer than any quoted-printable or header line, with characters that encoders like to touch.</summary>
    public static readonly Uri LongLink = new(
        "https://account.example.com/password/reset?token=" + new string('A', 180) + "-_" + new string('z', 180) +
        "&email=jane.doe%40example.com&return=%2Fsign-in%3Fnext%3D%252Fhome&sig=" + new string('9', 120));

    public static AccountMessage PasswordReset(Uri? link = null, string to = Recipient, string subject = "Change your password now")
    {
        link ??= ResetLink;
        var text = $"Hello,\r\n\r\nTo change your password, open this link:\r\n{link.AbsoluteUri}\r\n\r\nThe link works once.\r\n";
        var html = $"<p>Hello,</p><p><a href=\"{WebUtility.HtmlEncode(link.AbsoluteUri)}\">Change your password now</a></p>" +
            $"<p>{WebUtility.HtmlEncode(link.AbsoluteUri)}</p>";
        return new AccountMessage(AccountMessageKind.PasswordReset, to, subject, text, html, link);
    }

    public static AccountMessage PasswordChanged(string to = Recipient) =>
        new(AccountMessageKind.PasswordChanged, to, "Password Changed", "Your password was changed.", "<p>Your password was changed.</p>");
}
