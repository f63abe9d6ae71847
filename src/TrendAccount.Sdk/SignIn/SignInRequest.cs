namespace TrendAccount.Sdk;

/// <summary>
/// A sign-in attempt: email and password as typed, and what the host knows of the client. Immutable;
/// <see cref="ToString"/> never reveals the password, device token or captcha answer.
/// </summary>
public sealed class SignInRequest
{
    /// <summary>Initializes a new instance of the <see cref="SignInRequest"/> class.</summary>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    public SignInRequest(string? email, string? password)
    {
        Email = email;
        Password = password;
    }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; }

    /// <summary>
    /// Gets the client the request came from (per-client sign-in limit, captcha checks);
    /// <see cref="ClientContext.Unknown"/> when the host cannot tell (the per-client limit is then skipped).
    /// </summary>
    public ClientContext Client { get; init; } = ClientContext.Unknown;

    /// <summary>
    /// Gets the device token this client was given at an earlier successful sign-in (<see cref="SignInResult.DeviceToken"/>),
    /// which the host keeps in a long-lived cookie; <see langword="null"/> for a client without one.
    /// </summary>
    public string? DeviceToken { get; init; }

    /// <summary>Gets the captcha answer, when the host showed a captcha after <see cref="SignInStatus.CaptchaRequired"/>.</summary>
    public string? CaptchaResponse { get; init; }

    /// <inheritdoc />
    public override string ToString() => "SignInRequest(***)";
}
