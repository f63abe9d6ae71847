namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Names of the headers this package adds to account emails, so tools read a message's kind and link without scraping
/// its body.
/// </summary>
public static class AccountMailHeaders
{
    /// <summary>
    /// <c>X-TrendAccount-Kind</c>: the <see cref="AccountMessageKind"/> name, such as <c>PasswordReset</c>. Written by
    /// both mailers.
    /// </summary>
    public const string Kind = "X-TrendAccount-Kind";

    /// <summary>
    /// <c>X-TrendAccount-Link</c>: the message's link, when it has one. Written only by the pickup directory mailer;
    /// real emails keep the reset link in the body alone.
    /// </summary>
    public const string Link = "X-TrendAccount-Link";
}
