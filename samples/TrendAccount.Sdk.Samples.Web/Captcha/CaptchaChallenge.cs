namespace TrendAccount.Sdk.Samples.Web.Captcha;

/// <summary>
/// A challenge to render: its id (a hidden form field) and either the characters to draw or, for the non-visual
/// alternative, a question to read (<see cref="Question"/>).
/// </summary>
public sealed record CaptchaChallenge(string Id, string Characters, string? Question = null)
{
    /// <summary>Gets a value indicating whether this is the text question (read by a screen reader) instead of the image.</summary>
    public bool IsQuestion => Question is not null;
}
