namespace TrendAccount.Sdk;

/// <summary>"Forgot your password?": the registered email address and captcha, then "Retrieve". Immutable.</summary>
public sealed class ForgotPasswordRequest
{
    /// <summary>Initializes a new instance of the <see cref="ForgotPasswordRequest"/> class.</summary>
    /// <param name="email">The email address as typed.</param>
    /// <param name="captchaResponse">The captcha answer or widget response.</param>
    /// <param name="client">The client the request came from (rate limits are counted per client); <see cref="ClientContext.Unknown"/> when the host cannot tell.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public ForgotPasswordRequest(string? email, string? captchaResponse, ClientContext client)
    {
        Email = email;
        CaptchaResponse = captchaResponse;
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; }

    /// <summary>Gets the client (rate limits and captcha).</summary>
    public ClientContext Client { get; }

    /// <summary>
    /// Gets the device token this client was given at an earlier successful sign-in (<see cref="SignInResult.DeviceToken"/>),
    /// if it holds one. A valid token for the typed address makes the request a trusted device's: it is charged to the
    /// device's own budget (<see cref="RateLimitOptions.PasswordResetPerDevice"/>) instead of the client and address
    /// limits, so the owner gets the reset mail even when others have spent the address's window.
    /// </summary>
    public string? DeviceToken { get; init; }

    /// <inheritdoc />
    public override string ToString() => "ForgotPasswordRequest(***)";
}
