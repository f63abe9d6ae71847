using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// The sample's own "type the characters shown" challenge, so it runs offline: the server draws five characters,
/// remembers them in memory under a random id for ten minutes, and forgets them at the first answer (right or
/// wrong), so an answer cannot be replayed. It keeps a casual script out of the reset form; it is not meant to stop
/// a determined bot — use a site-verify provider (<c>TrendAccount:Captcha</c>) for that.
/// </summary>
public sealed class CharacterCaptcha(IMemoryCache cache)
{
    /// <summary>Characters that cannot be confused with one another (no 0/O, 1/I/L).</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 5;
    private const string KeyPrefix = "captcha:";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Creates and remembers a new challenge.</summary>
    public CaptchaChallenge Create()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var characters = RandomNumberGenerator.GetString(Alphabet, Length);
        cache.Set(KeyPrefix + id, characters, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return new CaptchaChallenge(id, characters);
    }

    private static readonly string[] Numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>
    /// Creates and remembers the non-visual alternative (WCAG 1.1.1): a short sum in words, which a screen reader reads
    /// and a customer answers in digits. It serves the image's purpose in another modality; like the image it is
    /// single use and only one of the limits that protect the forms (the SDK's per-client and per-address limits remain).
    /// </summary>
    public CaptchaChallenge CreateQuestion()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var a = RandomNumberGenerator.GetInt32(1, 10);
        var b = RandomNumberGenerator.GetInt32(1, 10);
        var answer = (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture);
        cache.Set(KeyPrefix + id, answer, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return new CaptchaChallenge(id, answer, $"What is {Numbers[a]} plus {Numbers[b]}? Type the answer in digits.");
    }

    /// <summary>Checks an answer and forgets the challenge whatever the outcome.</summary>
    public bool TryConsume(string? id, string? answer)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrWhiteSpace(answer) || !cache.TryGetValue(KeyPrefix + id, out string? expected) || expected is null)
        {
            return false;
        }

        cache.Remove(KeyPrefix + id);
        var typed = Encoding.ASCII.GetBytes(answer.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(expected));
    }
}
