using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// The sample's own "type the characters shown" challenge, so it runs offline. A challenge is a signed token: a random
/// nonce, its kind and its expiry, with an HMAC under the site's key. The characters are derived from the nonce with
/// a second key derived from the same secret, so neither the answer nor anything an attacker could search offline is
/// in the page; the image (<see cref="ImagePath"/>) is drawn from the token on request. The server keeps no state per
/// page view — a flood of views cannot evict anyone's challenge — and remembers only answered challenges, until they
/// expire, so an answer counts once. It keeps a casual script out of the forms; it is not meant to stop a determined
/// bot with OCR — use a site-verify provider (<c>TrendAccount:Captcha</c>) for that.
/// </summary>
public sealed class SignedCaptcha
{
    /// <summary>The endpoint that serves a challenge's image: <c>GET /captcha/image?c={token}</c>.</summary>
    public const string ImagePath = "/captcha/image";

    /// <summary>The fewest key bytes accepted: 32.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The number of characters an image shows.</summary>
    public const int Length = 5;

    /// <summary>Characters that cannot be confused with one another (no 0/O, 1/I/L).</summary>
    internal const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private const int MaximumAnswerLength = 64;
    private const byte Version = 1;
    private const byte ImageKind = (byte)'I';
    private const byte QuestionKind = (byte)'Q';
    private const int NonceBytes = 16;
    private const int BodyBytes = 2 + NonceBytes + 8;
    private const int TagBytes = 16;

    private static readonly string[] Numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private readonly byte[] _signingKey;
    private readonly byte[] _answerKey;
    private readonly byte[] _drawingKey;
    private readonly TimeProvider _time;
    private readonly SignedCaptchaOptions _options;
    private readonly UsedChallenges _used;

    /// <summary>Creates the captcha over a secret of at least <see cref="MinimumKeyBytes"/> bytes.</summary>
    public SignedCaptcha(SignedCaptchaOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.Key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The captcha key needs at least {MinimumKeyBytes} bytes.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaximumRemembered, 1);
        _options = options;
        _time = time;
        _signingKey = Derive(options.Key, "trendaccount-sample-captcha/sign");
        _answerKey = Derive(options.Key, "trendaccount-sample-captcha/answer");
        _drawingKey = Derive(options.Key, "trendaccount-sample-captcha/draw");
        _used = new UsedChallenges(options.MaximumRemembered);
    }

    /// <summary>Gets whether the text question (the non-visual alternative) is offered.</summary>
    public bool OffersQuestion => _options.TextQuestion;

    /// <summary>Gets how many answered, unexpired challenges are remembered right now.</summary>
    public int RememberedCount => _used.Count(_time.GetUtcNow());

    /// <summary>Creates a new image challenge. Nothing is stored.</summary>
    public CaptchaChallenge Create() => new(Issue(ImageKind));

    /// <summary>
    /// Creates the non-visual alternative (WCAG 1.1.1): a short sum in words, which a screen reader reads and a
    /// customer answers in digits. Text is machine-readable by nature, so it is only offered when
    /// <see cref="SignedCaptchaOptions.TextQuestion"/> is on; otherwise this returns an image challenge.
    /// </summary>
    public CaptchaChallenge CreateQuestion()
    {
        if (!_options.TextQuestion)
        {
            return Create();
        }

        var token = Issue(QuestionKind);
        var (a, b) = Addends(Parse(token)!.Value.Nonce);
        return new CaptchaChallenge(token, $"What is {Numbers[a]} plus {Numbers[b]}? Type the answer in digits.");
    }

    /// <summary>Draws the image of a genuine, unexpired image challenge as PNG; <see langword="null"/> for any other token.</summary>
    public byte[]? RenderImage(string? token)
    {
        if (Open(token) is not { } challenge || challenge.Kind != ImageKind || challenge.Expires <= _time.GetUtcNow())
        {
            return null;
        }

        var seed = HMACSHA256.HashData(_drawingKey, challenge.Nonce);
        return CaptchaImage.RenderPng(ImageAnswer(challenge.Nonce), BinaryPrimitives.ReadInt32LittleEndian(seed));
    }

    /// <summary>
    /// Checks an answer. Any genuine, unexpired challenge is used up by its first answer, right or wrong; forged,
    /// altered and expired tokens are refused without being remembered, so they cost no memory.
    /// </summary>
    public CaptchaCheck Check(string? token, string? answer)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrWhiteSpace(answer))
        {
            return CaptchaCheck.Missing;
        }

        if (Open(token) is not { } challenge)
        {
            return CaptchaCheck.Tampered;
        }

        var now = _time.GetUtcNow();
        if (challenge.Expires <= now)
        {
            return CaptchaCheck.Expired;
        }

        var remembered = _used.TryAdd(new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(challenge.Nonce), BinaryPrimitives.ReadUInt64LittleEndian(challenge.Nonce.AsSpan(8))), challenge.Expires, now);
        if (remembered != CaptchaCheck.Accepted)
        {
            return remembered;
        }

        if (answer.Length > MaximumAnswerLength)
        {
            return CaptchaCheck.Wrong;
        }

        var typed = Encoding.UTF8.GetBytes(answer.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant());
        var expected = Encoding.ASCII.GetBytes(Answer(challenge));
        return CryptographicOperations.FixedTimeEquals(typed, expected) ? CaptchaCheck.Accepted : CaptchaCheck.Wrong;
    }

    /// <summary>
    /// The answer a challenge expects. For tests and nothing else: the browser journeys read it through the site's
    /// services in-process, because the page must not give it away. No endpoint exposes it.
    /// </summary>
    internal string? AnswerFor(string token) => Open(token) is { } challenge ? Answer(challenge) : null;

    private string Issue(byte kind)
    {
        Span<byte> token = stackalloc byte[BodyBytes + TagBytes];
        token[0] = Version;
        token[1] = kind;
        RandomNumberGenerator.Fill(token.Slice(2, NonceBytes));
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(2 + NonceBytes, 8), (_time.GetUtcNow() + _options.Lifetime).ToUnixTimeSeconds());
        Span<byte> tag = stackalloc byte[32];
        HMACSHA256.HashData(_signingKey, token[..BodyBytes], tag);
        tag[..TagBytes].CopyTo(token[BodyBytes..]);
        return Base64Url.EncodeToString(token);
    }

    private Challenge? Open(string? token)
    {
        if (Parse(token) is not { } parsed)
        {
            return null;
        }

        Span<byte> tag = stackalloc byte[32];
        HMACSHA256.HashData(_signingKey, parsed.Bytes.AsSpan(0, BodyBytes), tag);
        return CryptographicOperations.FixedTimeEquals(tag[..TagBytes], parsed.Bytes.AsSpan(BodyBytes, TagBytes)) ? parsed : null;
    }

    private static Challenge? Parse(string? token)
    {
        // Base64url of 42 bytes is 56 characters; anything else is not ours.
        if (token is null || token.Length != 56)
        {
            return null;
        }

        var bytes = new byte[BodyBytes + TagBytes];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length || bytes[0] != Version || bytes[1] is not (ImageKind or QuestionKind))
        {
            return null;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2 + NonceBytes, 8));
        if (seconds is < 0 or > 253_402_300_799)
        {
            return null;
        }

        return new Challenge(bytes, bytes[1], bytes[2..(2 + NonceBytes)], DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    private string Answer(Challenge challenge)
    {
        if (challenge.Kind == QuestionKind)
        {
            var (a, b) = Addends(challenge.Nonce);
            return (a + b).ToString(CultureInfo.InvariantCulture);
        }

        return ImageAnswer(challenge.Nonce);
    }

    private string ImageAnswer(byte[] nonce)
    {
        var material = HMACSHA256.HashData(_answerKey, (byte[])[ImageKind, .. nonce]);
        var characters = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            // 16 bits per character: the modulo bias over 31 characters is under 0.05 %.
            characters[i] = Alphabet[BinaryPrimitives.ReadUInt16LittleEndian(material.AsSpan(i * 2)) % Alphabet.Length];
        }

        return new string(characters);
    }

    private (int A, int B) Addends(byte[] nonce)
    {
        var material = HMACSHA256.HashData(_answerKey, (byte[])[QuestionKind, .. nonce]);
        return (1 + (BinaryPrimitives.ReadUInt16LittleEndian(material) % 9), 1 + (BinaryPrimitives.ReadUInt16LittleEndian(material.AsSpan(2)) % 9));
    }

    private static byte[] Derive(byte[] key, string purpose) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(purpose));

    private readonly record struct Challenge(byte[] Bytes, byte Kind, byte[] Nonce, DateTimeOffset Expires);
}
