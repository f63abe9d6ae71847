namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/forgot-email</c> ("Check Now"): the serial number and the captcha response.</summary>
public sealed class ForgotEmailBody
{
    /// <summary>Gets the serial number as typed.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; init; }
}
