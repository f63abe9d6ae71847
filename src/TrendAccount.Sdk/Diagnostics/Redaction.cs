using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>Shortens and masks personal data before it reaches a log, a customer or a support case.</summary>
internal static class Redaction
{
    private const int MaxMaskedLength = 64;

    /// <summary>
    /// Masks an email address in the fixed-width <c>j***n@e***e.com</c> style: the local part and every domain label
    /// but the last become their first character, three stars and their last character (a fourth star for a
    /// one-character label), the top-level domain kept. Every masked label is five characters whatever its length,
    /// so the mask tells nothing about how long the address is (the old <c>e*****e</c> showed <c>example</c>'s length).
    /// </summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "(none)";
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.Length > 320)
        {
            return "***";
        }

        var local = email.AsSpan(0, at);
        var domain = email.AsSpan(at + 1);
        var builder = new StringBuilder(email.Length + 8);
        MaskLabel(builder, local);
        builder.Append('@');
        var lastDot = domain.LastIndexOf('.');
        var masked = lastDot < 0 ? domain : domain[..lastDot];
        var start = 0;
        while (start <= masked.Length)
        {
            var end = masked[start..].IndexOf('.');
            var label = end < 0 ? masked[start..] : masked.Slice(start, end);
            MaskLabel(builder, label);
            if (end < 0)
            {
                break;
            }

            builder.Append('.');
            start += end + 1;
        }

        if (lastDot >= 0)
        {
            builder.Append('.');
            foreach (var c in domain[(lastDot + 1)..])
            {
                AppendSafe(builder, c);
            }
        }

        return builder.Length > MaxMaskedLength ? builder.ToString(0, MaxMaskedLength) : builder.ToString();
    }

    /// <summary>Masks a canonical serial: <c>PQRS-****-****-****-3456</c>.</summary>
    public static string MaskSerial(string? serial)
    {
        if (serial is null || serial.Length != 24)
        {
            return "(none)";
        }

        return string.Concat(serial.AsSpan(0, 4), "-****-****-****-", serial.AsSpan(20, 4));
    }

    /// <summary>
    /// Turns a client partition key into something short and safe to log or keep as a dictionary key;
    /// <see langword="null"/> for an unknown client (per-client limits are skipped, never pooled).
    /// </summary>
    public static string? ClientKey(ClientContext? client)
    {
        var key = client?.PartitionKey;
        if (key is null)
        {
            return null;
        }

        if (key.Length <= 64 && key.All(c => c is > ' ' and < (char)0x7F))
        {
            return key;
        }

        return "h:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
    }

    // Always five characters: the label's first character, three stars, then its last character, or a
    // star when the label has only one (an empty label, from "a..b", stays empty).
    private static void MaskLabel(StringBuilder builder, ReadOnlySpan<char> label)
    {
        if (label.IsEmpty)
        {
            return;
        }

        AppendSafe(builder, label[0]);
        builder.Append("***");
        if (label.Length > 1)
        {
            AppendSafe(builder, label[^1]);
        }
        else
        {
            builder.Append('*');
        }
    }

    private static void AppendSafe(StringBuilder builder, char c) =>
        builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
}
