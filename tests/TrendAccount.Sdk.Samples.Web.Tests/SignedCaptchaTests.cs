using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.Samples.Web.Captcha;

namespace TrendAccount.Sdk.Samples.Web.Tests;

/// <summary>
/// The sample's signed captcha (issue #11 item 11): stateless challenges, so a flood of page views evicts nothing;
/// answered ones remembered until they expire, so an answer counts once; forged, altered and expired ones refused.
/// </summary>
public sealed class SignedCaptchaTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

    private SignedCaptcha Captcha(byte[]? key = null, int remembered = SignedCaptchaOptions.DefaultMaximumRemembered, bool question = false) =>
        new(new SignedCaptchaOptions { Key = key ?? Key, MaximumRemembered = remembered, TextQuestion = question }, _time);

    [Fact]
    public void Check_FloodOfPageViewsThenTheRightAnswerMinutesLater_Accepted()
    {
        // Before: challenges lived in a 10,000-entry cache that 3,800 GET/s evicted; 15 of 16 human answers failed.
        var captcha = Captcha();
        var mine = captcha.Create();
        for (var view = 0; view < 12_000; view++)
        {
            _ = captcha.Create();
        }

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(CaptchaCheck.Accepted, captcha.Check(mine.Token, captcha.AnswerFor(mine.Token)!.ToLowerInvariant()));
        Assert.Equal(1, captcha.RememberedCount);
    }

    [Fact]
    public void Check_UsedChallengeAnsweredAgain_Replayed()
    {
        var captcha = Captcha();
        var challenge = captcha.Create();
        var answer = captcha.AnswerFor(challenge.Token);

        Assert.Equal(CaptchaCheck.Accepted, captcha.Check(challenge.Token, answer));
        Assert.Equal(CaptchaCheck.Replayed, captcha.Check(challenge.Token, answer));
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(CaptchaCheck.Replayed, captcha.Check(challenge.Token, answer));
    }

    [Fact]
    public void Check_WrongAnswerThenTheRightOne_OneGuessPerChallenge()
    {
        var captcha = Captcha(question: true);
        var question = captcha.CreateQuestion();
        Assert.True(question.IsQuestion);
        var answer = captcha.AnswerFor(question.Token)!;

        Assert.Equal(CaptchaCheck.Wrong, captcha.Check(question.Token, answer == "2" ? "3" : "2"));
        Assert.Equal(CaptchaCheck.Replayed, captcha.Check(question.Token, answer));
    }

    [Fact]
    public void Check_OverlongAnswer_WrongWithoutReadingItAndUsedUp()
    {
        var captcha = Captcha();
        var challenge = captcha.Create();

        Assert.Equal(CaptchaCheck.Wrong, captcha.Check(challenge.Token, captcha.AnswerFor(challenge.Token) + new string(' ', 100_000)));
        Assert.Equal(CaptchaCheck.Replayed, captcha.Check(challenge.Token, captcha.AnswerFor(challenge.Token)));
    }

    [Fact]
    public void Check_AfterItsLifetime_Expired()
    {
        var captcha = Captcha();
        var challenge = captcha.Create();
        _time.Advance(SignedCaptchaOptions.DefaultLifetime);

        Assert.Equal(CaptchaCheck.Expired, captcha.Check(challenge.Token, captcha.AnswerFor(challenge.Token)));
        Assert.Null(captcha.RenderImage(challenge.Token));
        Assert.Equal(0, captcha.RememberedCount);
    }

    [Theory]
    [InlineData(1)] // kind: image → question
    [InlineData(5)] // nonce
    [InlineData(25)] // expiry, last byte: a longer life
    [InlineData(30)] // signature
    public void Check_TamperedToken_Refused(int index)
    {
        var captcha = Captcha();
        var challenge = captcha.Create();
        var answer = captcha.AnswerFor(challenge.Token)!;
        var bytes = Base64Url.DecodeFromChars(challenge.Token);
        bytes[index] ^= index == 1 ? (byte)('I' ^ 'Q') : (byte)0x01;
        var tampered = Base64Url.EncodeToString(bytes);

        Assert.Equal(CaptchaCheck.Tampered, captcha.Check(tampered, answer));
        Assert.Null(captcha.RenderImage(tampered));
        Assert.Equal(0, captcha.RememberedCount);
        Assert.Equal(CaptchaCheck.Accepted, captcha.Check(challenge.Token, answer));
    }

    [Fact]
    public void Check_TokenOfAnotherKeyOrGarbage_Refused()
    {
        var other = Captcha(key: Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());
        var foreign = other.Create();

        var captcha = Captcha();
        Assert.Equal(CaptchaCheck.Tampered, captcha.Check(foreign.Token, other.AnswerFor(foreign.Token)));
        Assert.Equal(CaptchaCheck.Tampered, captcha.Check("not-a-token", "ABCDE"));
        Assert.Equal(CaptchaCheck.Tampered, captcha.Check(new string('A', 56), "ABCDE"));
        Assert.Equal(CaptchaCheck.Missing, captcha.Check(captcha.Create().Token, " "));
        Assert.Equal(0, captcha.RememberedCount);
    }

    [Fact]
    public void Check_MemoryOfAnsweredChallengesFull_RefusesNewAnswersUntilTheOldestExpire()
    {
        var captcha = Captcha(remembered: 3);
        for (var i = 0; i < 3; i++)
        {
            var used = captcha.Create();
            Assert.Equal(CaptchaCheck.Wrong, captcha.Check(used.Token, "-----"));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var late = captcha.Create();
        var answer = captcha.AnswerFor(late.Token);
        Assert.Equal(CaptchaCheck.Busy, captcha.Check(late.Token, answer));

        // The first answered challenge expires (10 minutes after it was drawn): room again, and no replay slipped in.
        _time.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(CaptchaCheck.Accepted, captcha.Check(late.Token, answer));
        Assert.Equal(3, captcha.RememberedCount);
    }

    [Fact]
    public void Token_Decoded_HoldsNeitherTheAnswerNorItsPlainHash()
    {
        var captcha = Captcha();
        for (var i = 0; i < 20; i++)
        {
            var challenge = captcha.Create();
            var answer = captcha.AnswerFor(challenge.Token)!;
            var bytes = Base64Url.DecodeFromChars(challenge.Token);
            var hash = System.Security.Cryptography.SHA256.HashData(Encoding.ASCII.GetBytes(answer));

            Assert.DoesNotContain(answer, Encoding.Latin1.GetString(bytes), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(answer, challenge.Token, StringComparison.OrdinalIgnoreCase);
            Assert.False(bytes.AsSpan().IndexOf(hash.AsSpan(0, 8)) >= 0);
        }
    }

    [Fact]
    public void RenderImage_ImageChallenge_IsAPngWithoutTextThatStaysTheSameForOneChallenge()
    {
        var captcha = Captcha();
        var challenge = captcha.Create();
        var answer = captcha.AnswerFor(challenge.Token)!;

        var png = captcha.RenderImage(challenge.Token)!;

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(70, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.DoesNotContain(answer, Encoding.Latin1.GetString(png), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tEXt", Encoding.Latin1.GetString(png), StringComparison.Ordinal);
        Assert.Equal(png, captcha.RenderImage(challenge.Token));
        Directory.CreateDirectory(Screenshots.Directory);
        File.WriteAllBytes(Path.Combine(Screenshots.Directory, "00-captcha.png"), png); // docs/images/captcha.png
        Assert.NotEqual(png, captcha.RenderImage(captcha.Create().Token));
    }

    [Fact]
    public void Draw_Characters_InkCoversAPlausibleShareAndEveryColumnBandHasSome()
    {
        var pixels = CaptchaImage.Draw("W8KZ3", 42);

        var dark = pixels.Count(p => p < 128);
        Assert.InRange(dark, pixels.Length / 12, pixels.Length / 2);
        for (var band = 0; band < 5; band++)
        {
            var inBand = 0;
            for (var y = 0; y < CaptchaImage.Height; y++)
            {
                for (var x = 15 + (band * 34); x < 15 + ((band + 1) * 34); x++)
                {
                    inBand += pixels[(y * CaptchaImage.Width) + x] < 128 ? 1 : 0;
                }
            }

            Assert.True(inBand > 150, $"band {band} has {inBand} dark pixels");
        }
    }

    [Fact]
    public void CreateQuestion_TextQuestionOff_GivesTheImageInstead()
    {
        var captcha = Captcha(question: false);

        var challenge = captcha.CreateQuestion();

        Assert.False(challenge.IsQuestion);
        Assert.NotNull(captcha.RenderImage(challenge.Token));
    }
}
