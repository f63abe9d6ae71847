using System.Text;
using CsCheck;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    // Printable ASCII that is on no blocklist; Valid(n) takes its first n characters.
    private const string Filler = "mq4Vz-Lp9#Rtw2Xk8Nd3Hc7Jf6Gb5Ys1Ue0Qa!Zo@Wi$Ev%Tr^Yp&Ul*Kn(Mh)Bg_Cf+Dx=Sj";

    private static readonly PasswordPolicy Policy = new();

    private static readonly PasswordContext Account = new("John.Doe@Example.com", "PQRS-1234-5678-9012-3456");

    public static TheoryData<string, PasswordProblem[]> LengthCases => new()
    {
        { Valid(7), [PasswordProblem.TooShort] },
        { Valid(8), [] },
        { Valid(50), [] },
        { Valid(51), [PasswordProblem.TooLong] },
        { Repeat("😀", 7), [PasswordProblem.TooShort] },
        { Repeat("😀", 8), [] },
        { Repeat("😀", 50), [] },
        { Repeat("😀", 51), [PasswordProblem.TooLong] },

        // Eight code points, but NFKC composes each "e" + U+0301 into one "é": four characters.
        { Repeat("e\u0301", 4), [PasswordProblem.TooShort] },

        // Six code points, but NFKC expands the "ﬃ" ligature into "ffi": eight characters.
        { "\uFB03xyz7q", [] },

        // Full-width letters from an IME count one each after NFKC.
        { "ｍｑ４ｖｚｌｐ９", [] },

        // Hangul jamo compose into two syllables: 6 code points, 2 characters (plus 6 ASCII = 8).
        { "\u1112\u1161\u11AB\u1100\u1173\u11AFq7x#Lm", [] },
    };

    public static TheoryData<string> InvalidCharacterCases => new()
    {
        Valid(8) + "\0",
        "\0" + Valid(8),
        Valid(4) + "\t" + Valid(4),
        Valid(8) + "\n",
        Valid(8) + "\r",
        Valid(8) + "\u001B",
        Valid(8) + "\u007F",
        Valid(8) + "\u0085",
        Valid(8) + "\u009F",
        Valid(8) + "\uD800",
        "\uDC00" + Valid(8),
        Valid(4) + "\uDC00\uD800" + Valid(4),
        Valid(8) + "\uFDD0",
        Valid(8) + "\uFDEF",
        Valid(8) + "\uFFFE",
        Valid(8) + "\uFFFF",
        Valid(8) + "\uD83F\uDFFE",
        Valid(8) + "\uDBFF\uDFFF",
    };

    public static TheoryData<string> AllowedCharacterCases => new()
    {
        "correct horse battery staple",
        "  spaces around are kept  ",
        "Crème brûlée à la carte",
        "パスワードはとても長い",
        "👩‍👩‍👧‍👦 family of four",
        "zero\u200Bwidth\u200Djoiner",
        Valid(8) + "\uFDCF\uFDF0\uFFFD",
        Valid(8) + "\u00A0\u3000",
        Valid(8) + "\u2028",
    };

    public static TheoryData<string, PasswordContext?, bool> AccountDetailCases => new()
    {
        { "john.doe@example.com", Account, true },
        { "JOHN.DOE@EXAMPLE.COM", Account, true },
        { "John.Doe", Account, true },
        { "john.doe", Account, true },
        { "ｊｏｈｎ．ｄｏｅ", Account, true },
        { "pqrs-1234-5678-9012-3456", Account, true },
        { "PQRS123456789012 3456", Account, true },
        { "pqrs12345678901234 56", Account, true },
        { "PQRS-1234-5678-9012-3456", new PasswordContext(Serial: "pqrs1234567890123456"), true },
        { "john.doe@example.com", new PasswordContext(Email: "  John.Doe@Example.com "), true },
        { "john.doe@example.com!", Account, false },
        { "john.doe2024", Account, false },
        { "PQRS-1234-5678-9012-345", Account, false },
        { "PQRS-1234-5678-9012-34567", Account, false },
        { "example.com", Account, false },
        { "john.doe@example.com", null, false },
        { "john.doe@example.com", new PasswordContext(), false },
        { "john.doe@example.com", new PasswordContext(Email: "", Serial: "  "), false },
        { "--------", new PasswordContext(Serial: "----"), false },
        { "@example.com", new PasswordContext(Email: "@example.com"), true },
    };

    public static TheoryData<string?, string?, PasswordContext?, PasswordProblem[]> MultipleProblemCases => new()
    {
        { "\0", "x", null, [PasswordProblem.TooShort, PasswordProblem.ConfirmationMismatch, PasswordProblem.InvalidCharacters] },
        { Valid(60) + "\0", Valid(60), null, [PasswordProblem.TooLong, PasswordProblem.ConfirmationMismatch, PasswordProblem.InvalidCharacters] },
        { "password1", "password2", new PasswordContext("password1@example.com"), [PasswordProblem.ConfirmationMismatch, PasswordProblem.Blocklisted, PasswordProblem.ContainsAccountDetails] },
        { "abc", null, new PasswordContext("abc@example.com"), [PasswordProblem.TooShort, PasswordProblem.ContainsAccountDetails] },
        { "\uD800" + Valid(60), null, null, [PasswordProblem.TooLong, PasswordProblem.InvalidCharacters] },
    };

    [Theory]
    [MemberData(nameof(LengthCases))]
    public void Validate_Length_CountsScalarValuesAfterNfkc(string password, PasswordProblem[] expected)
    {
        var result = Policy.Validate(password);

        Assert.Equal(expected, result.Problems);
        Assert.Equal(expected.Length == 0, result.IsValid);
    }

    [Theory]
    [InlineData(11, false, false)]
    [InlineData(12, true, false)]
    [InlineData(64, true, false)]
    [InlineData(65, false, true)]
    public void Validate_CustomLimits_UsesTheOptions(int length, bool valid, bool tooLong)
    {
        var policy = new PasswordPolicy(new PasswordOptions { MinimumLength = 12, MaximumLength = 64 }, null);

        var result = policy.Validate(Valid(length));

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(!valid && !tooLong, result.Has(PasswordProblem.TooShort));
        Assert.Equal(tooLong, result.Has(PasswordProblem.TooLong));
    }

    [Fact]
    public void Validate_OptionsFromIOptions_UsesThePasswordGroup()
    {
        var options = new PasswordOptions { MinimumLength = 10 };
        var policy = new PasswordPolicy(Microsoft.Extensions.Options.Options.Create(options));

        Assert.True(policy.Validate(Valid(9)).Has(PasswordProblem.TooShort));
        Assert.True(policy.Validate(Valid(10)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NothingTyped_IsOnlyTooShort(string? password)
    {
        var everything = new CountingBlocklist(_ => true);
        var policy = new PasswordPolicy(new PasswordOptions(), everything);

        var result = policy.Validate(password, confirmation: null, Account);

        Assert.Equal([PasswordProblem.TooShort], result.Problems);
        Assert.Equal(0, everything.Calls);
    }

    [Theory]
    [InlineData(null, "", new[] { PasswordProblem.TooShort })]
    [InlineData("", "", new[] { PasswordProblem.TooShort })]
    [InlineData(null, "abc", new[] { PasswordProblem.TooShort, PasswordProblem.ConfirmationMismatch })]
    [InlineData("", "abc", new[] { PasswordProblem.TooShort, PasswordProblem.ConfirmationMismatch })]
    public void Validate_NothingTypedWithConfirmation_ReportsAMismatchOnlyWhenTheConfirmationHasText(string? password, string confirmation, PasswordProblem[] expected)
    {
        Assert.Equal(expected, Policy.Validate(password, confirmation).Problems);
    }

    [Theory]
    [InlineData("mq4Vz-Lp9#Rt", "mq4Vz-Lp9#Rt", false)]
    [InlineData("mq4Vz-Lp9#Rt", "mq4Vz-Lp9#RT", true)]
    [InlineData("mq4Vz-Lp9#Rt", "mq4Vz-Lp9#Rt ", true)]
    [InlineData("mq4Vz-Lp9#Rt", "", true)]
    [InlineData("Crème brûlée", "Cre\u0300me bru\u0302le\u0301e", false)]
    [InlineData("Cre\u0300me bru\u0302le\u0301e", "Crème brûlée", false)]
    [InlineData("ｍｑ４ｖｚｌｐ９", "mq4vzlp9", false)]
    [InlineData("\uFB03xyz7q", "ffixyz7q", false)]
    [InlineData("Crème brûlée", "Creme brulee", true)]
    public void Validate_Confirmation_ComparedAfterNfkc(string password, string confirmation, bool mismatch)
    {
        Assert.Equal(mismatch, Policy.Validate(password, confirmation).Has(PasswordProblem.ConfirmationMismatch));
    }

    [Fact]
    public void Validate_ConfirmationWithLoneSurrogates_ComparedCodeUnitByCodeUnit()
    {
        // Built at run time: attribute arguments and serialized theory data cannot carry lone surrogates.
        var high = Valid(12) + "\uD800";
        var low = Valid(12) + "\uDC00";

        Assert.True(Policy.Validate(high, low).Has(PasswordProblem.ConfirmationMismatch));
        Assert.False(Policy.Validate(high, new string(high.AsSpan())).Has(PasswordProblem.ConfirmationMismatch));
        Assert.Equal("\uD800", high[^1..]);
    }

    [Fact]
    public void Validate_NoConfirmation_IsNotCompared()
    {
        Assert.True(Policy.Validate(Valid(12), confirmation: null).IsValid);
    }

    [Theory]
    [MemberData(nameof(InvalidCharacterCases), DisableDiscoveryEnumeration = true)]
    public void Validate_ControlSurrogateOrNoncharacter_IsInvalidCharacters(string password)
    {
        Assert.Equal([PasswordProblem.InvalidCharacters], Policy.Validate(password).Problems);
    }

    [Theory]
    [MemberData(nameof(AllowedCharacterCases))]
    public void Validate_PrintableUnicodeAndFormatCharacters_IsValid(string password)
    {
        Assert.Equal([], Policy.Validate(password, password).Problems);
    }

    [Theory]
    [MemberData(nameof(AccountDetailCases))]
    public void Validate_AccountDetails_MatchedIgnoringCase(string password, PasswordContext? context, bool expected)
    {
        var policy = new PasswordPolicy(new PasswordOptions { MinimumLength = 1 }, null);

        Assert.Equal(expected, policy.Validate(password, context: context).Has(PasswordProblem.ContainsAccountDetails));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("Password1")]
    [InlineData("PASSWORD1")]
    [InlineData("iloveyou")]
    [InlineData("ｐａｓｓｗｏｒｄ１")]
    [InlineData("qwertyuiop")]
    public void Validate_CommonPassword_IsBlocklisted(string password)
    {
        Assert.Equal([PasswordProblem.Blocklisted], Policy.Validate(password).Problems);
    }

    [Fact]
    public void Validate_BlocklistTurnedOff_AllowsCommonPasswords()
    {
        var policy = new PasswordPolicy(new PasswordOptions { UseBlocklist = false }, new CountingBlocklist(_ => true));

        Assert.True(policy.Validate("Password1").IsValid);
    }

    [Fact]
    public void Validate_CustomBlocklist_ReplacesTheBuiltInOneAndReceivesTheNfkcForm()
    {
        var blocklist = new CountingBlocklist(password => password == "trendmicro");
        var policy = new PasswordPolicy(new PasswordOptions(), blocklist);

        Assert.True(policy.Validate("Password1").IsValid);
        Assert.True(policy.Validate("ｔｒｅｎｄｍｉｃｒｏ").Has(PasswordProblem.Blocklisted));
        Assert.Equal(2, blocklist.Calls);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("the quick brown fox jumps over the lazy dog")]
    [InlineData("abcdefghijkmnopqrstuvwxyzzzz")]
    public void Validate_LongLowerCasePassphrase_IsValid(string password)
    {
        Assert.True(Policy.Validate(password, password, Account).IsValid);
    }

    [Theory]
    [MemberData(nameof(MultipleProblemCases), DisableDiscoveryEnumeration = true)]
    public void Validate_SeveralProblems_ListsEachOnceInEnumOrder(string? password, string? confirmation, PasswordContext? context, PasswordProblem[] expected)
    {
        var policy = new PasswordPolicy(new PasswordOptions(), new CountingBlocklist(p => CommonPasswordBlocklist.Default.Contains(p)));

        Assert.Equal(expected, policy.Validate(password, confirmation, context).Problems);
    }

    [Fact]
    public void Validate_MegabyteInput_IsTooLongWithoutNormalizationOrLookup()
    {
        var blocklist = new CountingBlocklist(_ => true);
        var policy = new PasswordPolicy(new PasswordOptions(), blocklist);
        var huge = new string('é', 1 << 20);

        Assert.Equal([PasswordProblem.TooLong], policy.Validate(huge, huge, Account).Problems);
        Assert.Equal([PasswordProblem.TooLong, PasswordProblem.InvalidCharacters], policy.Validate(huge + "\0").Problems);
        Assert.Equal([PasswordProblem.TooLong, PasswordProblem.ConfirmationMismatch], policy.Validate(huge, "é").Problems);
        Assert.Equal(0, blocklist.Calls);
    }

    [Fact]
    public void Validate_ComposingSequences_CountedAfterComposition()
    {
        // 200 code points that compose into 50 characters (U+1F82): within the limits only because of NFKC.
        var policy = new PasswordPolicy(new PasswordOptions { UseBlocklist = false }, null);
        var composing = Repeat("\u03B1\u0313\u0300\u0345", 50);

        Assert.Equal(200, composing.Length);
        Assert.True(policy.Validate(composing).IsValid);
    }

    [Fact]
    public void Validate_ValidAsciiPassword_ReturnsTheSharedResultWithoutAllocating()
    {
        var password = "correct horse battery staple";
        var confirmation = new string(password.AsSpan());
        for (var i = 0; i < 100; i++)
        {
            _ = Policy.Validate(password, confirmation);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        PasswordValidation result = PasswordValidation.Valid;
        for (var i = 0; i < 1_000; i++)
        {
            result = Policy.Validate(password, confirmation);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Same(PasswordValidation.Valid, result);
    }

    [Fact]
    public void Validate_InvalidPassword_ReturnsSharedResults()
    {
        Assert.Same(Policy.Validate("short"), Policy.Validate("tiny"));
    }

    [Fact]
    public void Validate_ArbitraryStrings_NeverThrowsAndListsProblemsInOrder()
    {
        var policy = new PasswordPolicy(new PasswordOptions { MinimumLength = 2, MaximumLength = 12 }, null);
        var text = Gen.Frequency(
                (4, Gen.Char[' ', '~']),
                (2, Gen.Char['\0', '\uFFFF']),
                (3, Gen.Char["\0\t\n\u007F\u0085\uD800\uDBFF\uDC00\uDFFF\uFDD0\uFFFE\uFFFF\u0301\u0313\u0345\u03B1e\uFB03\uFF50\u1100\u1161\u11A8\u200D\u00A0@-"]))
            .Array[0, 40]
            .Select(chars => new string(chars));
        var maybeText = Gen.Frequency((1, Gen.Const((string?)null)), (6, text.Select(s => (string?)s)));

        Gen.Select(maybeText, maybeText, maybeText, maybeText).Sample((password, confirmation, email, serial) =>
        {
            var result = policy.Validate(password, confirmation, new PasswordContext(email, serial));

            Assert.Equal(result.Problems.Distinct().Order(), result.Problems);
            Assert.Equal(result.Problems.Count == 0, result.IsValid);
            if (confirmation is null || confirmation == password)
            {
                Assert.False(result.Has(PasswordProblem.ConfirmationMismatch));
            }
        }, iter: 3_000, threads: 1);
    }

    [Fact]
    public void Validate_ArbitraryWellFormedStrings_LengthRuleMatchesAnIndependentNfkcCount()
    {
        var policy = new PasswordPolicy(new PasswordOptions { MinimumLength = 4, MaximumLength = 10, UseBlocklist = false }, null);
        var wellFormed = Gen.Frequency(
                (3, Gen.Char[' ', '~']),
                (2, Gen.Char['\u00A0', '\uD7FF']),
                (2, Gen.Char["\u0301\u0313\u0300\u0345\u03B1e\uFB03\uFDFA\uFF50\u1100\u1161\u11A8\u3000"]))
            .Array[0, 24]
            .Select(chars => new string(chars));

        wellFormed.Sample(password =>
        {
            var count = password.Normalize(NormalizationForm.FormKC).EnumerateRunes().Count();
            var result = policy.Validate(password);

            Assert.Equal(count < 4, result.Has(PasswordProblem.TooShort));
            Assert.Equal(count > 10, result.Has(PasswordProblem.TooLong));
        }, iter: 3_000, threads: 1);
    }

    [Fact]
    public void Constructor_InvalidLimits_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new PasswordPolicy(new PasswordOptions { MinimumLength = 20, MaximumLength = 10 }, null));

        Assert.Contains("TrendAccount:Password", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new PasswordPolicy((PasswordOptions)null!, null));
        Assert.Throws<ArgumentNullException>(() => new PasswordPolicy((IOptions<PasswordOptions>)null!));
    }

    [Theory]
    [InlineData(0, 50, false)]
    [InlineData(-1, 50, false)]
    [InlineData(9, 8, false)]
    [InlineData(8, 257, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 256, true)]
    [InlineData(8, 50, true)]
    [InlineData(256, 256, true)]
    public void TrendAccountOptionsValidate_PasswordLimits_NamesTheSettingWhenOutOfRange(int minimum, int maximum, bool valid)
    {
        var options = new TrendAccountOptions();
        options.Password.MinimumLength = minimum;
        options.Password.MaximumLength = maximum;

        var failures = options.Validate();

        Assert.Equal(valid, failures.Count == 0);
        Assert.Equal(!valid, failures.Any(failure => failure.StartsWith("TrendAccount:Password", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_DocumentationSamples_BehaveAsDocumented()
    {
        // docs/password-policy.md
        var policy = new PasswordPolicy();
        var check = policy.Validate(
            "Password1",
            confirmation: "Password1",
            context: new PasswordContext(Email: "john.doe@example.com", Serial: "PQRS-1234-5678-9012-3456"));
        Assert.False(check.IsValid);
        Assert.Equal([PasswordProblem.Blocklisted], check.Problems);
        Assert.Equal(
            "This password is too common. Choose a password that is harder to guess.",
            TrendAccountMessages.Default.DescribePasswordProblem(check.Problems[0], new PasswordOptions()));
        Assert.Equal([PasswordProblem.TooShort], policy.Validate("Tr3nd!x").Problems);
        Assert.Equal([PasswordProblem.ConfirmationMismatch], policy.Validate("secret-one", "secret-two").Problems);
        Assert.True(policy.Validate("john.doe2024", context: Account).IsValid);

        // README.md quick start
        Assert.Equal([PasswordProblem.TooShort], new PasswordPolicy().Validate("short", confirmation: "short").Problems);
    }

    [Fact]
    public void PasswordLength_DefaultLimits_IsTheSupportArticleSentence()
    {
        Assert.Equal("Your password should be between 8 and 50 characters long.", TrendAccountMessages.Default.PasswordLength(8, 50));
        Assert.Equal(
            TrendAccountMessages.Default.PasswordLength(8, 50),
            TrendAccountMessages.Default.DescribePasswordProblem(PasswordProblem.TooLong, new PasswordOptions()));
    }

    [Fact]
    public void PasswordText_CountScalars_CountsPairsOnceAndLoneSurrogatesOnce()
    {
        Assert.Equal(3, PasswordText.CountScalars("a😀b", out var pairInvalid));
        Assert.False(pairInvalid);
        Assert.Equal(3, PasswordText.CountScalars("a\uD83Db", out var loneInvalid));
        Assert.True(loneInvalid);
        Assert.Equal(1, PasswordText.CountScalars("\uD83D", out var trailingInvalid));
        Assert.True(trailingInvalid);
    }

    private static string Valid(int length) => length <= Filler.Length
        ? Filler[..length]
        : Repeat(Filler, (length / Filler.Length) + 1)[..length];

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private sealed class CountingBlocklist(Func<string, bool> contains) : IPasswordBlocklist
    {
        private int _calls;

        public int Calls => _calls;

        public bool Contains(string password)
        {
            Interlocked.Increment(ref _calls);
            return contains(password);
        }
    }
}
