namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/register</c>: serial, email, password, confirmation and captcha as typed.</summary>
public sealed class RegisterBody
{
    /// <summary>Gets the product serial number as typed.</summary>
    public string? Serial { get; init; }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; init; }

    /// <summary>Gets the password confirmation as typed.</summary>
    public string? Confirmation { get; init; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; init; }
}
