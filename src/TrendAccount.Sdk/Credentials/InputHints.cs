namespace TrendAccount.Sdk;

/// <summary>
/// What the SDK noticed about what a customer typed. Hints describe the <em>input</em> only,
/// never account data, so a host may show them ("check for extra spaces") without revealing
/// whether an account exists.
/// </summary>
[Flags]
public enum InputHints
{
    /// <summary>Nothing worth mentioning.</summary>
    None = 0,

    /// <summary>Whitespace of any Unicode kind surrounded the value and was removed (emails, serials) or kept (passwords).</summary>
    SurroundingWhitespace = 1 << 0,

    /// <summary>Whitespace appeared inside the value.</summary>
    InnerWhitespace = 1 << 1,

    /// <summary>A separator was duplicated (<c>@@</c>, <c>..</c>, <c>--</c>).</summary>
    RepeatedSeparator = 1 << 2,

    /// <summary>Full-width or other compatibility characters were folded by NFKC (typical of an IME).</summary>
    WideCharacters = 1 << 3,

    /// <summary>Invisible characters (zero-width space or joiners, BOM, soft hyphen, word joiner, bidi controls) were removed.</summary>
    InvisibleCharacters = 1 << 4,

    /// <summary>Letters were typed in lower case where the canonical form is upper case (serials).</summary>
    LowerCase = 1 << 5,

    /// <summary>Hyphens or spaces between groups were missing or placed unusually (serials).</summary>
    Separators = 1 << 6,

    /// <summary>Control characters appeared in the value.</summary>
    ControlCharacters = 1 << 7,

    /// <summary>The value was far longer than any valid value and was rejected before further work.</summary>
    Oversized = 1 << 8,
}
