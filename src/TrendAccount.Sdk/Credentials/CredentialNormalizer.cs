using System.Globalization;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// Turns what a customer typed into the canonical email address and password the SDK works with,
/// and reports what it noticed ("no extra spaces or duplicate characters", as the support article says).
/// Pure: no I/O, no clock, no shared mutable state. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Email addresses: surrounding whitespace of every Unicode kind and invisible characters anywhere are removed,
/// compatibility forms are folded by NFKC, then the address is checked. The canonical
/// <see cref="EmailNormalization.Email"/> keeps the local part as typed (after NFKC) and holds the domain
/// lower-cased in its ASCII (IDNA) form; <see cref="EmailNormalization.LookupKey"/> additionally folds the case of
/// the local part (<see cref="string.ToUpperInvariant"/> then <see cref="string.ToLowerInvariant"/>, so that
/// <c>ſ</c>, <c>ı</c> and <c>S</c>, <c>I</c> meet their lower-case forms). Normalizing a canonical address again
/// gives the same address and key.
/// </para>
/// <para>
/// Passwords are folded by NFKC and never trimmed: a space a customer really chose stays part of the password.
/// The hints say what looked accidental, so a host can suggest retyping.
/// </para>
/// <para>
/// NFKC needs the ICU globalization data of the runtime. Under <c>InvariantGlobalization</c> the runtime leaves
/// non-ASCII text unnormalized, so full-width input is then not folded (and such an address is rejected).
/// </para>
/// </remarks>
public sealed class CredentialNormalizer
{
    /// <summary>The longest address accepted: 254 characters (RFC 5321 path limit less the angle brackets).</summary>
    public const int MaximumEmailLength = 254;

    /// <summary>The longest local part (before the <c>@</c>) accepted: 64 characters.</summary>
    public const int MaximumLocalPartLength = 64;

    /// <summary>
    /// Email input longer than this many UTF-16 code units (1024) is rejected with <see cref="EmailProblem.TooLong"/>
    /// and <see cref="InputHints.Oversized"/> before any other work.
    /// </summary>
    public const int MaximumEmailInputLength = 1024;

    /// <summary>
    /// The one length cap on password input, in UTF-16 code units, applied before any normalization (1,024): longer
    /// input is returned unchanged with <see cref="InputHints.Oversized"/>, is <see cref="PasswordProblem.TooLong"/>
    /// for <see cref="PasswordPolicy"/>, fails sign-in without reaching the hasher, and is refused by
    /// <see cref="BcryptPasswordHasher"/>. Far above any password the policy accepts (at most
    /// <see cref="PasswordOptions.MaximumAllowedLength"/> characters), and low enough that hostile input costs little.
    /// </summary>
    public const int MaximumPasswordInputLength = 1024;

    private const int MaxDomainLength = 253;

    private static readonly EmailNormalization EmptyEmail = EmailNormalization.Invalid(EmailProblem.Empty);
    private static readonly EmailNormalization OversizedEmail = EmailNormalization.Invalid(EmailProblem.TooLong, InputHints.Oversized);
    private static readonly PasswordInput EmptyPassword = new(string.Empty, InputHints.None);

    /// <summary>Gets the normalizer with the default rules.</summary>
    public static CredentialNormalizer Default { get; } = new();

    /// <summary>Normalizes an email address. Never throws.</summary>
    /// <param name="input">What the customer typed.</param>
    /// <returns>The canonical address and lookup key, or the problem found.</returns>
    public EmailNormalization NormalizeEmail(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return EmptyEmail;
        }

        if (input.Length > MaximumEmailInputLength)
        {
            return OversizedEmail;
        }

        return TryNormalizeCanonicalAscii(input) ?? NormalizeEmailSlow(input);
    }

    /// <summary>Normalizes a password to NFKC without trimming it. Never throws.</summary>
    /// <param name="input">What the customer typed.</param>
    /// <returns>The password to hash or check, with hints computed from the input alone.</returns>
    public PasswordInput NormalizePassword(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return EmptyPassword;
        }

        if (input.Length > MaximumPasswordInputLength)
        {
            return new PasswordInput(input, InputHints.Oversized);
        }

        var hints = InputHints.None;
        var start = 0;
        while (start < input.Length && char.IsWhiteSpace(input[start]))
        {
            start++;
        }

        var end = input.Length;
        while (end > start && char.IsWhiteSpace(input[end - 1]))
        {
            end--;
        }

        if (start > 0 || end < input.Length)
        {
            hints |= InputHints.SurroundingWhitespace;
        }

        var valid = true;
        for (var i = start; i < end; i++)
        {
            var c = input[i];
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            {
                hints |= InputHints.ControlCharacters;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(input[i + 1]))
            {
                if (UnicodeText.IsInvisible(char.ConvertToUtf32(c, input[i + 1])))
                {
                    hints |= InputHints.InvisibleCharacters;
                }

                i++;
            }
            else if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                // string.Normalize refuses these; the policy rejects them and the value is kept as typed.
                valid = false;
            }
            else if (UnicodeText.IsInvisible(c))
            {
                hints |= InputHints.InvisibleCharacters;
            }
        }

        if (!valid)
        {
            return new PasswordInput(input, hints);
        }

        var value = UnicodeText.ToNfkc(input, out var folded) ?? input;
        if (folded)
        {
            hints |= InputHints.WideCharacters;
        }

        return new PasswordInput(value, hints);
    }

    /// <summary>
    /// The hot path: an ASCII address that is already canonical except perhaps for upper case. Returns
    /// <see langword="null"/> (and lets the full path decide) for anything else, so both paths agree.
    /// </summary>
    internal static EmailNormalization? TryNormalizeCanonicalAscii(string input)
    {
        if (input.Length > MaximumEmailLength)
        {
            return null;
        }

        var at = input.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at > MaximumLocalPartLength)
        {
            return null;
        }

        var localHasUpper = false;
        var previous = '.';
        for (var i = 0; i < at; i++)
        {
            var c = input[i];
            if (c == '.')
            {
                if (previous == '.')
                {
                    return null;
                }
            }
            else if (!IsAtext(c))
            {
                return null;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                localHasUpper = true;
            }

            previous = c;
        }

        if (previous == '.')
        {
            return null;
        }

        var domain = input.AsSpan(at + 1);
        if (CheckAsciiDomain(domain, out var domainHasUpper) != DomainShape.Valid)
        {
            return null;
        }

        var email = domainHasUpper ? LowerDomain(input, at) : input;
        var lookupKey = localHasUpper ? email.ToLowerInvariant() : email;
        return EmailNormalization.Valid(email, lookupKey);
    }

    internal static EmailNormalization NormalizeEmailSlow(string input)
    {
        var hints = InputHints.None;

        // Pass 1: remove invisible characters and screen out what string.Normalize refuses.
        Span<char> buffer = stackalloc char[MaximumEmailInputLength];
        var length = 0;
        var invalid = false;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            int codePoint = c;
            var width = 1;
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= input.Length || !char.IsLowSurrogate(input[i + 1]))
                {
                    invalid = true;
                    continue;
                }

                codePoint = char.ConvertToUtf32(c, input[i + 1]);
                width = 2;
            }

            if (UnicodeText.IsInvisible(codePoint))
            {
                hints |= InputHints.InvisibleCharacters;
            }
            else if (UnicodeText.IsNoncharacter(codePoint))
            {
                invalid = true;
            }
            else
            {
                input.AsSpan(i, width).CopyTo(buffer[length..]);
                length += width;
            }

            i += width - 1;
        }

        // Trim before NFKC as well, so that an ideographic space around the address is not also reported as wide.
        var kept = TrimWhitespace(buffer[..length]);
        if (kept.Length < length)
        {
            hints |= InputHints.SurroundingWhitespace;
        }

        if (invalid)
        {
            return EmailNormalization.Invalid(EmailProblem.InvalidCharacters, hints);
        }

        var text = kept.Length == input.Length ? input : new string(kept);

        // Pass 2: NFKC, then trim. Repeated until nothing changes so that the result is a fixed point
        // (normalizing the canonical address again must give it back unchanged).
        for (var round = 0; round < 3; round++)
        {
            var normalized = UnicodeText.ToNfkc(text, out var folded);
            if (normalized is null)
            {
                return EmailNormalization.Invalid(EmailProblem.InvalidCharacters, hints);
            }

            if (folded)
            {
                hints |= InputHints.WideCharacters;
            }

            var trimmed = TrimWhitespaceAndInvisible(normalized, ref hints);
            if (string.Equals(trimmed, text, StringComparison.Ordinal))
            {
                break;
            }

            text = trimmed;
        }

        if (text.Length == 0)
        {
            return EmailNormalization.Invalid(EmailProblem.Empty, hints);
        }

        return CheckAddress(text, hints);
    }

    private static EmailNormalization CheckAddress(string text, InputHints hints)
    {
        var invalid = false;
        var innerWhitespace = false;
        var at = -1;
        var atCount = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                invalid = true;
                continue;
            }

            if (c == '@')
            {
                atCount++;
                at = at < 0 ? i : at;
            }
            else if (char.IsWhiteSpace(c))
            {
                innerWhitespace = true;
                hints |= char.IsControl(c) ? InputHints.InnerWhitespace | InputHints.ControlCharacters : InputHints.InnerWhitespace;
            }
            else if (char.IsControl(c))
            {
                invalid = true;
                hints |= InputHints.ControlCharacters;
            }
            else if (codePoint >= 0x80 && (UnicodeText.IsFormat(codePoint) || UnicodeText.IsNoncharacter(codePoint) || UnicodeText.IsInvisible(codePoint)))
            {
                invalid = true;
            }
        }

        if (invalid)
        {
            return EmailNormalization.Invalid(EmailProblem.InvalidCharacters, hints);
        }

        if (innerWhitespace)
        {
            return EmailNormalization.Invalid(EmailProblem.InnerWhitespace, hints);
        }

        if (atCount == 0)
        {
            return EmailNormalization.Invalid(EmailProblem.Malformed, hints);
        }

        if (atCount > 1)
        {
            return EmailNormalization.Invalid(EmailProblem.RepeatedSeparator, hints | InputHints.RepeatedSeparator);
        }

        var local = text[..at];
        var domain = text[(at + 1)..];
        if (local.Length == 0 || domain.Length == 0)
        {
            return EmailNormalization.Invalid(EmailProblem.Malformed, hints);
        }

        if (domain.Contains('\u3002', StringComparison.Ordinal))
        {
            // The ideographic full stop an IME types for "." (IDNA treats it as a label separator too).
            domain = domain.Replace('\u3002', '.');
            hints |= InputHints.WideCharacters;
        }

        if (HasMisplacedDot(local) || HasMisplacedDot(domain))
        {
            return EmailNormalization.Invalid(EmailProblem.RepeatedSeparator, hints | InputHints.RepeatedSeparator);
        }

        foreach (var c in local)
        {
            if (c < 0x80 && c != '.' && !IsAtext(c))
            {
                return EmailNormalization.Invalid(EmailProblem.InvalidCharacters, hints);
            }
        }

        if (local.Length > MaximumLocalPartLength || domain.Length > MaxDomainLength)
        {
            return EmailNormalization.Invalid(EmailProblem.TooLong, hints);
        }

        var asciiDomain = ToAsciiDomain(domain);
        if (asciiDomain is null)
        {
            return EmailNormalization.Invalid(EmailProblem.Malformed, hints);
        }

        if (local.Length + 1 + asciiDomain.Length > MaximumEmailLength)
        {
            return EmailNormalization.Invalid(EmailProblem.TooLong, hints);
        }

        var email = string.Concat(local, "@", asciiDomain);
        var lookupKey = string.Concat(FoldCase(local), "@", asciiDomain);
        return EmailNormalization.Valid(email, lookupKey, hints);
    }

    /// <summary>Lower-cases and converts a domain to its ASCII form, or returns <see langword="null"/> when it is not a valid host name.</summary>
    private static string? ToAsciiDomain(string domain)
    {
        var lowered = domain.ToLowerInvariant();
        if (UnicodeText.IsAscii(lowered))
        {
            var shape = CheckAsciiDomain(lowered, out _);
            if (shape == DomainShape.Valid)
            {
                return lowered;
            }

            if (shape != DomainShape.NeedsIdna)
            {
                return null;
            }
        }

        string ascii;
        try
        {
            // A new instance per call: IdnMapping does not document thread-safety of its instance members.
            ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(lowered).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return CheckAsciiDomain(ascii, out _) is DomainShape.Valid or DomainShape.NeedsIdna ? ascii : null;
    }

    private enum DomainShape
    {
        Valid,
        Malformed,
        NeedsIdna,
    }

    /// <summary>
    /// Checks an ASCII host name: at least two labels of 1–63 letters, digits and inner hyphens, a top-level
    /// label that is not all digits, at most 253 characters. Labels starting <c>xn--</c> need IDNA validation.
    /// </summary>
    private static DomainShape CheckAsciiDomain(ReadOnlySpan<char> domain, out bool hasUpper)
    {
        hasUpper = false;
        if (domain.Length is 0 or > MaxDomainLength)
        {
            return DomainShape.Malformed;
        }

        var labels = 0;
        var needsIdna = false;
        var labelStart = 0;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                var c = domain[i];
                if (char.IsAsciiLetterUpper(c))
                {
                    hasUpper = true;
                }
                else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                {
                    return DomainShape.Malformed;
                }

                continue;
            }

            var label = domain[labelStart..i];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return DomainShape.Malformed;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                needsIdna |= label.StartsWith("xn", StringComparison.OrdinalIgnoreCase);
            }

            labels++;
            if (i == domain.Length && !ContainsLetterOrHyphen(label))
            {
                return DomainShape.Malformed;
            }

            labelStart = i + 1;
        }

        if (labels < 2)
        {
            return DomainShape.Malformed;
        }

        return needsIdna ? DomainShape.NeedsIdna : DomainShape.Valid;
    }

    private static bool ContainsLetterOrHyphen(ReadOnlySpan<char> label)
    {
        foreach (var c in label)
        {
            if (!char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMisplacedDot(string part) =>
        part[0] == '.' || part[^1] == '.' || part.Contains("..", StringComparison.Ordinal);

    /// <summary>RFC 5322 <c>atext</c>: what an unquoted local part may hold besides dots (quoted local parts are not supported).</summary>
    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || (c < 0x7F && "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal));

    private static string FoldCase(string local) =>
        UnicodeText.IsAscii(local) ? local.ToLowerInvariant() : local.ToUpperInvariant().ToLowerInvariant();

    private static string LowerDomain(string input, int at) =>
        string.Create(input.Length, (input, at), static (span, state) =>
        {
            state.input.AsSpan(0, state.at + 1).CopyTo(span);
            state.input.AsSpan(state.at + 1).ToLowerInvariant(span[(state.at + 1)..]);
        });

    private static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Removes surrounding whitespace and any invisible characters NFKC may have produced.</summary>
    private static string TrimWhitespaceAndInvisible(string text, ref InputHints hints)
    {
        var trimmed = TrimWhitespace(text);
        if (trimmed.Length < text.Length)
        {
            hints |= InputHints.SurroundingWhitespace;
            text = trimmed.ToString();
        }

        var hasInvisible = false;
        foreach (var c in text)
        {
            hasInvisible |= c >= 0x80 && UnicodeText.IsInvisible(c);
        }

        if (!hasInvisible)
        {
            return text;
        }

        hints |= InputHints.InvisibleCharacters;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 0x80 || !UnicodeText.IsInvisible(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
