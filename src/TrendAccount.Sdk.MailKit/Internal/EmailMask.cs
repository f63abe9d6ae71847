namespace TrendAccount.Sdk.MailKit;

/// <summary>Masks email addresses for logs and error texts the way the core SDK does (<see cref="EmailMasking"/>).</summary>
internal static class EmailMask
{
    public static string Mask(string? email) => EmailMasking.Mask(email);

    /// <summary>Replaces every occurrence of <paramref name="email"/> in <paramref name="text"/> with its mask.</summary>
    public static string Redact(string text, string email) =>
        string.IsNullOrEmpty(email) ? text : text.Replace(email, Mask(email), StringComparison.OrdinalIgnoreCase);
}
