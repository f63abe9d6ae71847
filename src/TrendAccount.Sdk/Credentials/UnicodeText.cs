using System.Globalization;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>Character classes shared by the credential normalizer and the serial classifier.</summary>
internal static class UnicodeText
{
    /// <summary>
    /// Whether a code point is invisible when rendered: the Unicode Default_Ignorable_Code_Point set
    /// (soft hyphen, combining grapheme joiner, zero-width space and joiners, bidi marks, embeddings,
    /// overrides and isolates, word joiner and invisible operators, Hangul fillers, variation selectors,
    /// BOM, tags). Whitespace is not in this set.
    /// </summary>
    /// <param name="codePoint">The code point (a BMP char or a decoded surrogate pair).</param>
    /// <returns><see langword="true"/> when the code point is invisible.</returns>
    public static bool IsInvisible(int codePoint)
    {
        if (codePoint < 0x00AD)
        {
            return false;
        }

        return codePoint switch
        {
            0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
            >= 0x180B and <= 0x180F => true,
            >= 0x200B and <= 0x200F => true,
            >= 0x202A and <= 0x202E => true,
            >= 0x2060 and <= 0x206F => true,
            >= 0xFE00 and <= 0xFE0F => true,
            >= 0xFFF0 and <= 0xFFF8 => true,
            >= 0x1BCA0 and <= 0x1BCA3 => true,
            >= 0x1D173 and <= 0x1D17A => true,
            >= 0xE0000 and <= 0xE0FFF => true,
            _ => false,
        };
    }

    /// <summary>Whether a code point is a Unicode noncharacter (U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF of every plane).</summary>
    /// <param name="codePoint">The code point.</param>
    /// <returns><see langword="true"/> for a noncharacter.</returns>
    public static bool IsNoncharacter(int codePoint) =>
        (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Whether every char is ASCII.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when the text holds only U+0000–U+007F.</returns>
    public static bool IsAscii(ReadOnlySpan<char> text) => Ascii.IsValid(text);

    /// <summary>
    /// Applies NFKC to text that holds no lone surrogate and no noncharacter (which make
    /// <see cref="string.Normalize(NormalizationForm)"/> throw).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="compatibilityFolded">
    /// Set when NFKC changed more than NFC would have: full-width forms, ligatures, superscripts and other
    /// compatibility characters were folded. Canonical recomposition alone (<c>e</c> + combining acute to
    /// <c>é</c>) does not set it, because it changes nothing the customer could see.
    /// </param>
    /// <returns>The NFKC form, or <see langword="null"/> when the runtime refused the text.</returns>
    public static string? ToNfkc(string text, out bool compatibilityFolded)
    {
        compatibilityFolded = false;
        if (IsAscii(text))
        {
            return text;
        }

        try
        {
            if (text.IsNormalized(NormalizationForm.FormKC))
            {
                return text;
            }

            var folded = text.Normalize(NormalizationForm.FormKC);
            var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
            compatibilityFolded = !string.Equals(folded, composed, StringComparison.Ordinal);
            return folded;
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 the caller did not screen out; never let it escape.
            return null;
        }
        catch (PlatformNotSupportedException)
        {
            // A globalization-invariant runtime that cannot normalize non-ASCII text.
            return null;
        }
    }

    /// <summary>Whether a code point is a format character (category Cf).</summary>
    /// <param name="codePoint">The code point.</param>
    /// <returns><see langword="true"/> for a format character.</returns>
    public static bool IsFormat(int codePoint) =>
        CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format;
}
