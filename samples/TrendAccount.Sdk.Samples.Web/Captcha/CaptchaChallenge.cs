namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// A challenge to render: its signed token (a hidden form field, and the image's address) and, for the non-visual
/// alternative, the question to read (<see cref="Question"/>). The answer is never part of it: the server derives the
/// characters from the token with its key when it draws the image and when it checks the answer.
/// </summary>
public sealed record CaptchaChallenge(string Token, string? Question = null)
{
    /// <summary>Gets a value indicating whether this is the text question (read by a screen reader) instead of the image.</summary>
    public bool IsQuestion => Question is not null;

    /// <summary>Gets the address of the challenge's image (<see cref="SignedCaptcha.ImagePath"/>).</summary>
    public string ImageUrl => SignedCaptcha.ImagePath + "?c=" + Uri.EscapeDataString(Token);
}
