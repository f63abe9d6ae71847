namespace TrendAccount.Sdk.MailKit;

/// <summary>Masks email addresses for logs and error texts: <c>jane.doe@example.com</c> becomes <c>j***@example.com</c>.</summary>
internal static class EmailMask
{
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "(none)";
        }

        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        // Keep the first character (a whole surrogate pair when it is one) and the domain.
        var keep = char.IsHighSurrogate(email[0]) && at > 1 ? 2 : 1;
        return string.Concat(email.AsSpan(0, keep), "***", email.AsSpan(at));
    }

    /// <summary>Replaces every occurrence of <paramref name="email"/> in <paramref name="text"/> with its mask.</summary>
    public static string Redact(string text, string email) =>
        string.IsNullOrEmpty(email) ? text : text.Replace(email, Mask(email), StringComparison.OrdinalIgnoreCase);
}
