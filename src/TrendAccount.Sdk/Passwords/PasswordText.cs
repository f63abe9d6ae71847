using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// The Unicode work behind <see cref="PasswordPolicy"/>: NFKC, counting scalar values and spotting characters a
/// password must not hold. Pure and allocation-free except for the normalized copy of a non-ASCII string.
/// </summary>
internal static class PasswordText
{

    /// <summary>Tells whether every character is printable ASCII (U+0020–U+007E): such a string is already NFKC,
    /// its length is its scalar count and it holds no forbidden character.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> for printable ASCII (and for the empty string).</returns>
    internal static bool IsPrintableAscii(ReadOnlySpan<char> text) =>
        !AsCodeUnits(text).ContainsAnyExceptInRange((ushort)' ', (ushort)'~');

    /// <summary>Tells whether the text is well-formed UTF-16 (no lone surrogate).</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when every surrogate is part of a pair.</returns>
    internal static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var index = AsCodeUnits(text).IndexOfAnyInRange((ushort)0xD800, (ushort)0xDFFF);
        if (index < 0)
        {
            return true;
        }

        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    /// <summary>
    /// Returns the NFKC form of the text: the text itself when it is printable ASCII or already normalized, and
    /// also when it cannot be normalized (a lone surrogate, or normalization unavailable in the runtime).
    /// Never throws.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The NFKC form, or <paramref name="text"/> unchanged.</returns>
    internal static string ToNfkc(string text)
    {
        // The normalizer's NFKC (null when the runtime refuses the text): one implementation for emails and passwords.
        return IsPrintableAscii(text) || !IsWellFormed(text) ? text : UnicodeText.ToNfkc(text, out _) ?? text;
    }

    /// <summary>
    /// Counts the scalar values of the text (a lone surrogate counts as one) and tells whether it holds a
    /// character a password must not hold: a control character (Unicode category Cc: U+0000–U+001F,
    /// U+007F–U+009F, including tab and line breaks), a lone surrogate or a noncharacter
    /// (U+FDD0–U+FDEF and every code point ending in FFFE or FFFF).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="hasInvalidCharacters"><see langword="true"/> when a forbidden character was found.</param>
    /// <returns>The number of scalar values.</returns>
    internal static int CountScalars(ReadOnlySpan<char> text, out bool hasInvalidCharacters)
    {
        hasInvalidCharacters = false;
        var count = 0;
        while (!text.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(text, out var rune, out var consumed);
            if (status != OperationStatus.Done || IsForbidden(rune.Value))
            {
                hasInvalidCharacters = true;
            }

            count++;
            text = text[Math.Max(consumed, 1)..];
        }

        return count;
    }

    /// <summary>
    /// Views the text as UTF-16 code units. The range searches run on <see cref="ushort"/> because their
    /// <see cref="char"/> instantiation allocated 96 bytes a call on the .NET 10.0.12 runtime (measured), which the allocation-free
    /// fast path cannot afford.
    /// </summary>
    private static ReadOnlySpan<ushort> AsCodeUnits(ReadOnlySpan<char> text) => MemoryMarshal.Cast<char, ushort>(text);

    /// <summary>Tells whether a scalar value may not appear in a password.</summary>
    /// <param name="value">The scalar value.</param>
    /// <returns><see langword="true"/> for a control character or a noncharacter.</returns>
    internal static bool IsForbidden(int value) =>
        value < 0x20
        || (value >= 0x7F && value <= 0x9F)
        || UnicodeText.IsNoncharacter(value);
}
