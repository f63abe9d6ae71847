namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/forgot-password</c> ("Retrieve"): the email address and the captcha response.</summary>
public sealed class ForgotPasswordBody
{
    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; init; }
}
