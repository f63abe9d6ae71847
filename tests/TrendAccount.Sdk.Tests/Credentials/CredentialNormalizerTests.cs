using System.Text;
using CsCheck;

namespace TrendAccount.Sdk.Tests.Credentials;

public sealed class CredentialNormalizerTests
{
    private static readonly CredentialNormalizer Normalizer = CredentialNormalizer.Default;

    public static TheoryData<string, string, string, InputHints> ValidEmails => new()
    {
        { "john@example.com", "john@example.com", "john@example.com", InputHints.None },
        { "John.Doe@Example.COM", "John.Doe@example.com", "john.doe@example.com", InputHints.None },
        { "o'brien+tag@mail.example.co.uk", "o'brien+tag@mail.example.co.uk", "o'brien+tag@mail.example.co.uk", InputHints.None },
        { "a!#$%&*/=?^_`{|}~-z@example.com", "a!#$%&*/=?^_`{|}~-z@example.com", "a!#$%&*/=?^_`{|}~-z@example.com", InputHints.None },
        { "x@sub-domain.example-1.com", "x@sub-domain.example-1.com", "x@sub-domain.example-1.com", InputHints.None },
        { "x@ab--cd.com", "x@ab--cd.com", "x@ab--cd.com", InputHints.None },
        { "x@1example.c0m", "x@1example.c0m", "x@1example.c0m", InputHints.None },

        // The seed article: "Ensure there are no extra spaces".
        { "  john@example.com  ", "john@example.com", "john@example.com", InputHints.SurroundingWhitespace },
        { "\tjohn@example.com\r\n", "john@example.com", "john@example.com", InputHints.SurroundingWhitespace },
        { "\u00A0john@example.com\u3000", "john@example.com", "john@example.com", InputHints.SurroundingWhitespace },
        { "\u2028John@Example.com\u0085", "John@example.com", "john@example.com", InputHints.SurroundingWhitespace },

        // Invisible characters anywhere.
        { "jo\u200Bhn@example.com", "john@example.com", "john@example.com", InputHints.InvisibleCharacters },
        { "\uFEFFjohn@example.com", "john@example.com", "john@example.com", InputHints.InvisibleCharacters },
        { "john\u00AD@exam\u2060ple.com", "john@example.com", "john@example.com", InputHints.InvisibleCharacters },
        { "\u202Ejohn@example.com\u202C", "john@example.com", "john@example.com", InputHints.InvisibleCharacters },
        { "jo\u200C\u200Dhn@ex\u200E\u200Fample\u2066.com\u2069", "john@example.com", "john@example.com", InputHints.InvisibleCharacters },
        { " \u200B john@example.com \u200B ", "john@example.com", "john@example.com", InputHints.InvisibleCharacters | InputHints.SurroundingWhitespace },

        // Full-width forms from an IME.
        { "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "john@example.com", "john@example.com", InputHints.WideCharacters },
        { "ＪＯＨＮ＠ＥＸＡＭＰＬＥ．ＣＯＭ", "JOHN@example.com", "john@example.com", InputHints.WideCharacters },
        { "\u3000ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ\u3000", "john@example.com", "john@example.com", InputHints.WideCharacters | InputHints.SurroundingWhitespace },
        { "john@例え。jp", "john@xn--r8jz45g.jp", "john@xn--r8jz45g.jp", InputHints.WideCharacters },

        // International domains in their ASCII form; Unicode local parts as typed.
        { "john@Bücher.example", "john@xn--bcher-kva.example", "john@xn--bcher-kva.example", InputHints.None },
        { "john@BÜCHER.EXAMPLE", "john@xn--bcher-kva.example", "john@xn--bcher-kva.example", InputHints.None },
        { "john@xn--bcher-kva.example", "john@xn--bcher-kva.example", "john@xn--bcher-kva.example", InputHints.None },
        { "john@XN--BCHER-KVA.Example", "john@xn--bcher-kva.example", "john@xn--bcher-kva.example", InputHints.None },
        { "john@faß.de", "john@xn--fa-hia.de", "john@xn--fa-hia.de", InputHints.None },
        { "jöhn@example.com", "jöhn@example.com", "jöhn@example.com", InputHints.None },
        { "JÖHN@example.com", "JÖHN@example.com", "jöhn@example.com", InputHints.None },
        { "用户@例え.jp", "用户@xn--r8jz45g.jp", "用户@xn--r8jz45g.jp", InputHints.None },
        { "ΣΟΦΙΑ@example.gr", "ΣΟΦΙΑ@example.gr", "σοφια@example.gr", InputHints.None },

        // Canonical composition is silent; compatibility folding is reported.
        { "e\u0301mile@example.com", "\u00E9mile@example.com", "\u00E9mile@example.com", InputHints.None },
        { "ﬁona@example.com", "fiona@example.com", "fiona@example.com", InputHints.WideCharacters },
    };

    [Theory]
    [MemberData(nameof(ValidEmails))]
    public void NormalizeEmail_AcceptedInput_ReturnsCanonicalEmailKeyAndHints(string input, string email, string lookupKey, InputHints hints)
    {
        var result = Normalizer.NormalizeEmail(input);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(EmailProblem.None, result.Problem);
        Assert.Equal(email, result.Email);
        Assert.Equal(lookupKey, result.LookupKey);
        Assert.Equal(hints, result.Hints);
    }

    public static TheoryData<string?, EmailProblem, InputHints> InvalidEmails => new()
    {
        { null, EmailProblem.Empty, InputHints.None },
        { "", EmailProblem.Empty, InputHints.None },
        { "   ", EmailProblem.Empty, InputHints.SurroundingWhitespace },
        { "\u200B\uFEFF", EmailProblem.Empty, InputHints.InvisibleCharacters },

        // Whitespace inside the address.
        { "john doe@example.com", EmailProblem.InnerWhitespace, InputHints.InnerWhitespace },
        { "john@example .com", EmailProblem.InnerWhitespace, InputHints.InnerWhitespace },
        { " john @example.com ", EmailProblem.InnerWhitespace, InputHints.InnerWhitespace | InputHints.SurroundingWhitespace },
        { "john\u3000@example.com", EmailProblem.InnerWhitespace, InputHints.InnerWhitespace | InputHints.WideCharacters },
        { "john\t@example.com", EmailProblem.InnerWhitespace, InputHints.InnerWhitespace | InputHints.ControlCharacters },

        // The seed article: "duplicate characters", and other misplaced separators.
        { "john@@example.com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { "john@doe@example.com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { "ｊｏｈｎ＠＠ｅｘａｍｐｌｅ．ｃｏｍ", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator | InputHints.WideCharacters },
        { "john..doe@example.com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { "john.@example.com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { "john@.example.com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { ".john@example.com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { "john@example.com.", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },
        { "john@example..com", EmailProblem.RepeatedSeparator, InputHints.RepeatedSeparator },

        // Not local@domain.tld.
        { "johnexample.com", EmailProblem.Malformed, InputHints.None },
        { "@example.com", EmailProblem.Malformed, InputHints.None },
        { "john@", EmailProblem.Malformed, InputHints.None },
        { "john@localhost", EmailProblem.Malformed, InputHints.None },
        { "john@exa_mple.com", EmailProblem.Malformed, InputHints.None },
        { "john@-example.com", EmailProblem.Malformed, InputHints.None },
        { "john@example-.com", EmailProblem.Malformed, InputHints.None },
        { "john@example.123", EmailProblem.Malformed, InputHints.None },
        { "john@[127.0.0.1]", EmailProblem.Malformed, InputHints.None },
        { "john@exam!ple.com", EmailProblem.Malformed, InputHints.None },
        { "john@xn--zzzzzzz-9999.example", EmailProblem.Malformed, InputHints.None },
        { "john@" + new string('a', 64) + ".com", EmailProblem.Malformed, InputHints.None },

        // Too long.
        { new string('a', 65) + "@example.com", EmailProblem.TooLong, InputHints.None },
        { "aa@" + string.Join('.', new string('b', 63), new string('c', 63), new string('d', 63), new string('e', 61)), EmailProblem.TooLong, InputHints.None },
        { new string('a', 1025), EmailProblem.TooLong, InputHints.Oversized },

        // Characters no address may hold.
        { "jo\0hn@example.com", EmailProblem.InvalidCharacters, InputHints.ControlCharacters },
        { "john\u001B@example.com", EmailProblem.InvalidCharacters, InputHints.ControlCharacters },
        { "john\uFDD0@example.com", EmailProblem.InvalidCharacters, InputHints.None },
        { "john\u0600@example.com", EmailProblem.InvalidCharacters, InputHints.None },
        { "jo,hn@example.com", EmailProblem.InvalidCharacters, InputHints.None },
        { "<john>@example.com", EmailProblem.InvalidCharacters, InputHints.None },
        { "\"john\"@example.com", EmailProblem.InvalidCharacters, InputHints.None },
    };

    [Theory]
    [MemberData(nameof(InvalidEmails))]
    public void NormalizeEmail_RejectedInput_ReturnsProblemAndHints(string? input, EmailProblem problem, InputHints hints)
    {
        var result = Normalizer.NormalizeEmail(input);

        Assert.False(result.IsValid);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(hints, result.Hints);
        Assert.Null(result.Email);
        Assert.Null(result.LookupKey);
    }

    [Fact]
    public void NormalizeEmail_LoneSurrogatesAndNoncharacters_RejectedAsInvalidCharacters()
    {
        // Not theory data: xUnit would replace lone surrogates by U+FFFD when it serializes the cases.
        Assert.Equal(EmailProblem.InvalidCharacters, Normalizer.NormalizeEmail("john\uD800@example.com").Problem);
        Assert.Equal(EmailProblem.InvalidCharacters, Normalizer.NormalizeEmail("\uD83D").Problem);
        Assert.Equal(EmailProblem.InvalidCharacters, Normalizer.NormalizeEmail("john\uFFFE@example.com").Problem);
        Assert.Equal(EmailProblem.InvalidCharacters, Normalizer.NormalizeEmail("john@example.com\uDBFF\uDFFF").Problem);

        var reversedPair = Normalizer.NormalizeEmail(" john\uDC00\uD800@example.com ");
        Assert.Equal(EmailProblem.InvalidCharacters, reversedPair.Problem);
        Assert.Equal(InputHints.SurroundingWhitespace, reversedPair.Hints);

        Assert.Equal("\uD83D\uDE00@example.com", Normalizer.NormalizeEmail("\uD83D\uDE00@example.com").Email);
    }

    [Fact]
    public void NormalizePassword_LoneSurrogatesAndNoncharacters_KeptAsTyped()
    {
        foreach (var input in new[] { "abc\uD800def", "abc\uDC00", "\uDC00\uD800", "abc\uFFFE", "ｐａｓｓ\uD800" })
        {
            var result = Normalizer.NormalizePassword(input);
            Assert.Same(input, result.Value);
            Assert.Equal(InputHints.None, result.Hints);
        }
    }

    [Fact]
    public void NormalizeEmail_LongestLocalPartAndAddress_AreAccepted()
    {
        var local = new string('a', CredentialNormalizer.MaximumLocalPartLength);
        Assert.True(Normalizer.NormalizeEmail(local + "@example.com").IsValid);

        // 64 + 1 + 189 = 254 characters.
        var domain = string.Join('.', new string('b', 63), new string('c', 63), new string('d', 61));
        var longest = local + "@" + domain;
        Assert.Equal(CredentialNormalizer.MaximumEmailLength, longest.Length);
        Assert.Equal(longest, Normalizer.NormalizeEmail(longest).Email);
        Assert.Equal(EmailProblem.TooLong, Normalizer.NormalizeEmail(longest + "d").Problem);
    }

    [Fact]
    public void NormalizeEmail_LongInputThatTrimsToAValidAddress_IsAccepted()
    {
        var input = new string(' ', 500) + "john@example.com" + new string('\u200B', 500);

        var result = Normalizer.NormalizeEmail(input);

        Assert.Equal("john@example.com", result.Email);
        Assert.Equal(InputHints.SurroundingWhitespace | InputHints.InvisibleCharacters, result.Hints);
    }

    [Fact]
    public void NormalizeEmail_CanonicalAsciiAddress_ReturnsTheInputInstance()
    {
        const string input = "john.doe@example.com";

        var result = Normalizer.NormalizeEmail(input);

        Assert.Same(input, result.Email);
        Assert.Same(input, result.LookupKey);
    }

    [Theory]
    [InlineData(1024 * 1024, 'a')]
    [InlineData(1024 * 1024, ' ')]
    [InlineData(1024 * 1024, '\uD800')]
    [InlineData(1024 * 1024, '@')]
    public void NormalizeEmail_MegabyteInput_RejectedAsOversized(int length, char fill)
    {
        var result = Normalizer.NormalizeEmail(new string(fill, length));

        Assert.Equal(EmailProblem.TooLong, result.Problem);
        Assert.Equal(InputHints.Oversized, result.Hints);
    }

    [Fact]
    public void NormalizeEmail_ArbitraryStrings_NeverThrows()
    {
        Gen.String.Sample(s => { _ = Normalizer.NormalizeEmail(s); }, iter: 5_000);
        InterestingText.Sample(s => { _ = Normalizer.NormalizeEmail(s); }, iter: 5_000);
    }

    [Fact]
    public void NormalizeEmail_AnyInput_IsIdempotent()
    {
        var valid = 0;
        EmailLike.Sample(input =>
        {
            var first = Normalizer.NormalizeEmail(input);
            if (!first.IsValid)
            {
                return true;
            }

            Interlocked.Increment(ref valid);
            var second = Normalizer.NormalizeEmail(first.Email);
            return second.IsValid
                && second.Email == first.Email
                && second.LookupKey == first.LookupKey
                && second.Hints == InputHints.None
                && Normalizer.NormalizeEmail(first.LookupKey).LookupKey == first.LookupKey;
        }, iter: 5_000);

        // The generator must exercise the valid path, not only rejections.
        Assert.True(valid > 500, $"only {valid} valid addresses generated");
    }

    [Fact]
    public void NormalizeEmail_InputsDifferingOnlyInCase_HaveTheSameLookupKey()
    {
        EmailLike.Sample(input =>
        {
            var asTyped = Normalizer.NormalizeEmail(input);
            var upper = Normalizer.NormalizeEmail(input.ToUpperInvariant());
            var lower = Normalizer.NormalizeEmail(input.ToLowerInvariant());
            return asTyped.IsValid == upper.IsValid
                && asTyped.IsValid == lower.IsValid
                && asTyped.LookupKey == upper.LookupKey
                && asTyped.LookupKey == lower.LookupKey;
        }, iter: 5_000);
    }

    [Fact]
    public void NormalizeEmail_AsciiFastPath_AgreesWithTheFullPath()
    {
        AsciiEmailLike.Sample(input =>
        {
            var fast = CredentialNormalizer.TryNormalizeCanonicalAscii(input);
            if (fast is null)
            {
                return true;
            }

            var full = CredentialNormalizer.NormalizeEmailSlow(input);
            return fast.Problem == full.Problem && fast.Email == full.Email && fast.LookupKey == full.LookupKey && fast.Hints == full.Hints;
        }, iter: 5_000);
    }

    [Fact]
    public void NormalizePassword_Null_ReturnsEmpty()
    {
        var result = Normalizer.NormalizePassword(null);

        Assert.True(result.IsEmpty);
        Assert.Equal(string.Empty, result.Value);
        Assert.Equal(InputHints.None, result.Hints);
    }

    public static TheoryData<string, string, InputHints> Passwords => new()
    {
        { "correct horse battery staple", "correct horse battery staple", InputHints.None },
        { " secret ", " secret ", InputHints.SurroundingWhitespace },
        { "password\n", "password\n", InputHints.SurroundingWhitespace },
        { "\u3000secret", " secret", InputHints.SurroundingWhitespace | InputHints.WideCharacters },
        { "ｐａｓｓｗｏｒｄ", "password", InputHints.WideCharacters },
        { "Ⅻ-ﬁ", "XII-fi", InputHints.WideCharacters },
        { "e\u0301clair99", "\u00E9clair99", InputHints.None },
        { "pass\u200Bword", "pass\u200Bword", InputHints.InvisibleCharacters },
        { "pass\tword", "pass\tword", InputHints.ControlCharacters },
        { "pa\0ss", "pa\0ss", InputHints.ControlCharacters },
        { "😀😀😀😀", "😀😀😀😀", InputHints.None },
    };

    [Theory]
    [MemberData(nameof(Passwords))]
    public void NormalizePassword_Input_ReturnsNfkcUntrimmedWithHints(string input, string value, InputHints hints)
    {
        var result = Normalizer.NormalizePassword(input);

        Assert.Equal(value, result.Value);
        Assert.Equal(hints, result.Hints);
        Assert.DoesNotContain(input.Trim(), result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizePassword_MegabyteInput_KeptUnchangedAndMarkedOversized()
    {
        var input = new string('ａ', 1024 * 1024);

        var result = Normalizer.NormalizePassword(input);

        Assert.Same(input, result.Value);
        Assert.Equal(InputHints.Oversized, result.Hints);
    }

    [Fact]
    public void NormalizePassword_ArbitraryStrings_NeverThrowsAndNeverTrims()
    {
        Gen.String.Sample(s =>
        {
            var result = Normalizer.NormalizePassword(s);
            return result.Value.Length > 0 == s.Length > 0;
        }, iter: 5_000);
        InterestingText.Sample(s =>
        {
            var result = Normalizer.NormalizePassword(s);
            var expected = IsValidUtf16(s) ? s.Normalize(NormalizationForm.FormKC) : s;
            return result.Value == expected;
        }, iter: 5_000);
    }

    private static bool IsValidUtf16(string s)
    {
        try
        {
            _ = s.Normalize(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Characters that stress every branch: separators, whitespace, invisible, wide, combining, cased, surrogates.</summary>
    private const string Interesting =
        "aZ09.@@-_+ \t\r\n\0\u0085\u00A0\u3000\u2028\u200B\u200C\u200D\uFEFF\u00AD\u2060\u202E\u2066\u3164" +
        "ａＺ０＠．。\uFF61\u0301\u00E9ßẞſıİΣσςµǅ例え用\uD800\uDC00\uD83D\uDE00\uFFFE\uFDD0\u0600\"(),;<>[]\\";

    private static readonly Gen<string> InterestingText =
        Gen.Frequency((3, Gen.String[Gen.Char[Interesting], 0, 40]), (1, Gen.String[Gen.Char, 0, 40]));

    private static readonly Gen<string> Part =
        Gen.String[Gen.Char["abcXYZ019-_.+ĳÖöüßſıΣσςµǅ例え用ａＺ０\u0301\u200B\u00AD"], 1, 12];

    private static readonly Gen<string> Label =
        Gen.String[Gen.Char["abcXYZ019-öüß例えＡｂ\u00AD"], 1, 10];

    private static readonly Gen<string> EmailLike =
        Gen.Select(
            Gen.OneOf<string>("", " ", "\u3000", "\u200B", "\t"),
            Part,
            Gen.OneOf<string>("@", "@", "@", "＠", "@@", ""),
            Label.Array[1, 3],
            Gen.OneOf<string>("com", "ORG", "ｃｏｍ", "de", "xn--r8jz45g", "例え", "1"),
            Gen.OneOf<string>("", " ", "\n", "\uFEFF"),
            (lead, local, at, labels, tld, trail) => lead + local + at + string.Join('.', labels) + "." + tld + trail);

    private static readonly Gen<string> AsciiEmailLike =
        Gen.Select(
            Gen.String[Gen.Char["abcXYZ019-_.+!'"], 0, 70],
            Gen.OneOf<string>("@", "@", "@@", ""),
            Gen.String[Gen.Char["abcXYZ019-_"], 0, 64].Array[1, 4],
            (local, at, labels) => local + at + string.Join('.', labels));
}
