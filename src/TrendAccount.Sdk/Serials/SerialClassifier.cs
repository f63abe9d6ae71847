using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Recognizes product serial numbers however they were typed and tells which purchase channel they
/// belong to, from the prefix rules of <see cref="SerialOptions"/>. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A serial is 20 ASCII letters and digits; its canonical form is upper case in five groups of four joined by
/// hyphens (<c>PQRS-1234-5678-9012-3456</c>). Input is accepted the way people type it: any case, surrounding
/// whitespace, full-width letters and digits from an IME, invisible characters (removed), and separators —
/// hyphens, spaces, other dashes — between any of the groups, or none at all.
/// </para>
/// <para>
/// A separator anywhere else (<c>PQR-S1234…</c>, a leading or trailing hyphen) makes the input
/// <see cref="SerialProblem.MisplacedSeparators"/>: the characters might still add up to 20, but a group of three
/// next to a group of five usually means one character was dropped and another added, and guessing would link the
/// customer to someone else's serial.
/// </para>
/// <para>The rules are copied when the classifier is created; later changes to the options do not affect it.</para>
/// </remarks>
public sealed class SerialClassifier
{
    /// <summary>The number of letters and digits in a serial: 20.</summary>
    public const int SerialLength = 20;

    /// <summary>The length of the canonical form <c>XXXX-XXXX-XXXX-XXXX-XXXX</c>: 24.</summary>
    public const int CanonicalLength = 24;

    /// <summary>Input longer than this many UTF-16 code units (256) is rejected as <see cref="SerialProblem.WrongLength"/> without being read.</summary>
    public const int MaximumInputLength = 256;

    private const int GroupLength = 4;

    private static readonly SerialClassification EmptyResult = NotWellFormed(SerialProblem.Empty, InputHints.None);
    private static readonly SerialClassification OversizedResult = NotWellFormed(SerialProblem.WrongLength, InputHints.Oversized);

    private readonly CompiledRule[] _rules;

    /// <summary>Initializes a new instance of the <see cref="SerialClassifier"/> class with the default rules.</summary>
    public SerialClassifier()
        : this(new SerialOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SerialClassifier"/> class.</summary>
    /// <param name="options">The serial rules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The rules are not valid; every failure names its setting.</exception>
    public SerialClassifier(IOptions<SerialOptions> options)
        : this(OptionsValue(options))
    {
    }

    private static SerialOptions OptionsValue(IOptions<SerialOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }

    /// <summary>Initializes a new instance of the <see cref="SerialClassifier"/> class.</summary>
    /// <param name="options">The serial rules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The rules are not valid ; every failure names its setting.</exception>
    public SerialClassifier(SerialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        options.Validate(failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(OptionsSection.Name, typeof(SerialOptions), failures);
        }

        var rules = options.EffectiveRules();
        _rules = new CompiledRule[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var reseller = rule.Channel == PurchaseChannel.Reseller;
            var contact = reseller
                ? (string.IsNullOrWhiteSpace(rule.Contact) ? SerialOptions.DefaultResellerContact : rule.Contact)
                : null;
            _rules[i] = new CompiledRule(rule.Prefix.ToUpperInvariant(), rule.Channel, !reseller, contact);
        }
    }

    /// <summary>Classifies a serial number. Never throws.</summary>
    /// <param name="input">What the customer typed.</param>
    /// <returns>The canonical serial and its channel, or why it is not well formed.</returns>
    public SerialClassification Classify(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return EmptyResult;
        }

        if (input.Length == CanonicalLength && IsCanonical(input))
        {
            return Classified(input, InputHints.None);
        }

        if (input.Length > MaximumInputLength)
        {
            return OversizedResult;
        }

        return ClassifySlow(input);
    }

    private SerialClassification ClassifySlow(string input)
    {
        var hints = InputHints.None;
        var start = 0;
        var end = input.Length;
        while (start < end && IsIgnorableAtEdge(input[start], ref hints))
        {
            start++;
        }

        while (end > start && IsIgnorableAtEdge(input[end - 1], ref hints))
        {
            end--;
        }

        if (start == end)
        {
            return NotWellFormed(SerialProblem.Empty, hints);
        }

        // The canonical form is built in place: letter or digit number n goes to n + n / 4, hyphens in between.
        Span<char> serial = stackalloc char[CanonicalLength];
        serial.Fill('-');
        var count = 0;
        var invalid = false;
        var misplaced = false;
        var separatorsSeen = 0;
        var runLength = 0;
        var runHyphens = 0;
        for (var i = start; i < end; i++)
        {
            var c = input[i];
            var letterOrDigit = ToAsciiLetterOrDigit(c, ref hints);
            if (letterOrDigit != '\0')
            {
                if (runLength > 0)
                {
                    hints |= EndRun(count, runLength, runHyphens, ref misplaced, ref separatorsSeen);
                    runLength = 0;
                    runHyphens = 0;
                }

                if (count < SerialLength)
                {
                    serial[count + (count / GroupLength)] = letterOrDigit;
                }

                count++;
            }
            else if (IsSeparator(c, ref hints))
            {
                runLength++;
                runHyphens += c == '-' ? 1 : 0;
            }
            else if (UnicodeText.IsInvisible(c))
            {
                hints |= InputHints.InvisibleCharacters;
            }
            else
            {
                invalid = true;
                if (char.IsControl(c))
                {
                    hints |= InputHints.ControlCharacters;
                }
            }
        }

        if (runLength > 0)
        {
            // A separator after the last group, such as a trailing hyphen.
            misplaced = true;
        }

        if (invalid)
        {
            return NotWellFormed(SerialProblem.InvalidCharacters, hints);
        }

        if (count != SerialLength)
        {
            return NotWellFormed(SerialProblem.WrongLength, hints);
        }

        if (misplaced)
        {
            return NotWellFormed(SerialProblem.MisplacedSeparators, hints | InputHints.Separators);
        }

        if (separatorsSeen != SerialLength / GroupLength - 1)
        {
            hints |= InputHints.Separators;
        }

        var canonical = new string(serial);
        return Classified(canonical, hints);
    }

    /// <summary>Ends a run of separators found before letter or digit number <paramref name="position"/>.</summary>
    private static InputHints EndRun(int position, int runLength, int runHyphens, ref bool misplaced, ref int separatorsSeen)
    {
        if (position == 0 || position % GroupLength != 0 || position >= SerialLength)
        {
            misplaced = true;
        }

        separatorsSeen++;
        var hints = InputHints.None;
        if (runLength > 1 || runHyphens != 1)
        {
            hints |= InputHints.Separators;
        }

        if (runHyphens > 1)
        {
            hints |= InputHints.RepeatedSeparator;
        }

        return hints;
    }

    private SerialClassification Classified(string canonical, InputHints hints)
    {
        foreach (var rule in _rules)
        {
            if (Matches(canonical, rule.Prefix))
            {
                return new SerialClassification(canonical, SerialProblem.None, rule.Channel, rule.SupportsAccount, rule.Contact, hints);
            }
        }

        return new SerialClassification(canonical, SerialProblem.None, PurchaseChannel.Direct, supportsAccount: true, resellerContact: null, hints);
    }

    /// <summary>Whether the canonical serial, read without its hyphens, starts with the (upper-case) prefix.</summary>
    private static bool Matches(string canonical, string prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (canonical[i + (i / GroupLength)] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCanonical(string input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            var ok = i % (GroupLength + 1) == GroupLength ? c == '-' : char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the upper-case ASCII letter or digit a char stands for (full-width forms included), or NUL.</summary>
    private static char ToAsciiLetterOrDigit(char c, ref InputHints hints)
    {
        if (c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A')
        {
            hints |= InputHints.WideCharacters;
            c = (char)(c - 0xFEE0);
        }

        if (char.IsAsciiLetterLower(c))
        {
            hints |= InputHints.LowerCase;
            return char.ToUpperInvariant(c);
        }

        return char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) ? c : '\0';
    }

    /// <summary>Hyphens, whitespace and the other dashes people type between groups.</summary>
    private static bool IsSeparator(char c, ref InputHints hints)
    {
        switch (c)
        {
            case '-':
                return true;
            case '\uFF0D' or '\u30FC' or '\uFF70' or '\u3000':
                // Full-width hyphen-minus, katakana prolonged sound marks (what a Japanese IME types for "-"), ideographic space.
                hints |= InputHints.WideCharacters | InputHints.Separators;
                return true;
            case >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE58' or '\uFE63':
                hints |= InputHints.Separators;
                return true;
            default:
                if (char.IsWhiteSpace(c))
                {
                    hints |= char.IsControl(c) ? InputHints.Separators | InputHints.ControlCharacters : InputHints.Separators;
                    return true;
                }

                return false;
        }
    }

    private static bool IsIgnorableAtEdge(char c, ref InputHints hints)
    {
        if (char.IsWhiteSpace(c))
        {
            hints |= InputHints.SurroundingWhitespace;
            return true;
        }

        if (UnicodeText.IsInvisible(c))
        {
            hints |= InputHints.InvisibleCharacters;
            return true;
        }

        return false;
    }

    private static SerialClassification NotWellFormed(SerialProblem problem, InputHints hints) =>
        new(serial: null, problem, PurchaseChannel.Unknown, supportsAccount: false, resellerContact: null, hints);

    private sealed record CompiledRule(string Prefix, PurchaseChannel Channel, bool SupportsAccount, string? Contact);
}
