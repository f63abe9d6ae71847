namespace TrendAccount.Sdk;

/// <summary>
/// Masks email addresses the way the SDK shows and logs them (<c>john@example.com</c> → <c>j***n@e***e.com</c>),
/// for hosts and adapter packages that log or display addresses too. Pure and thread-safe.
/// </summary>
public static class EmailMasking
{
    /// <summary>
    /// Masks an address with a fixed-width mask: the local part and every domain label but the last become their first
    /// character, three stars and their last character (a fourth star for a one-character label), so no label's length
    /// shows; the top-level domain is kept.
    /// </summary>
    /// <param name="email">The address; any string.</param>
    /// <returns>The masked address; <c>(none)</c> for null or empty input and <c>***</c> for something that is not an address.</returns>
    public static string Mask(string? email) => Redaction.MaskEmail(email);
}
