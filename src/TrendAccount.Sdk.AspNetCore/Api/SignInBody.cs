namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/signin</c>: the email address and password as typed.</summary>
public sealed class SignInBody
{
    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the password as typed (never trimmed).</summary>
    public string? Password { get; init; }

    /// <summary>Gets the captcha answer or widget response, sent after an answer with status <c>CaptchaRequired</c>.</summary>
    public string? CaptchaResponse { get; init; }
}
