namespace TrendAccount.Sdk;

/// <summary>"Forgot your password?": the registered email address and captcha, then "Retrieve". Immutable.</summary>
public sealed class PasswordResetRequest
{
    /// <summary>Initializes a new instance of the <see cref="PasswordResetRequest"/> class.</summary>
    /// <param name="email">The email address as typed.</param>
    /// <param name="captchaResponse">The captcha answer or widget response.</param>
    /// <param name="client">The client; <see cref="ClientContext.Unknown"/> when <see langword="null"/>.</param>
    public PasswordResetRequest(string? email, string? captchaResponse, ClientContext? client = null)
    {
        Email = email;
        CaptchaResponse = captchaResponse;
        Client = client ?? ClientContext.Unknown;
    }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; }

    /// <summary>Gets the client (rate limits and captcha).</summary>
    public ClientContext Client { get; }

    /// <inheritdoc />
    public override string ToString() => "PasswordResetRequest(***)";
}
