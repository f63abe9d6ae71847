namespace TrendAccount.Sdk;

/// <summary>
/// A customer's registration after activating the program: serial, email, password and confirmation, with the
/// captcha and the client it came from. Immutable.
/// </summary>
public sealed class RegistrationRequest
{
    /// <summary>Initializes a new instance of the <see cref="RegistrationRequest"/> class.</summary>
    /// <param name="serial">The product serial number as typed.</param>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="confirmation">The password confirmation as typed.</param>
    /// <param name="captchaResponse">The captcha answer or widget response.</param>
    /// <param name="client">The client the request came from (registrations are limited per client); <see cref="ClientContext.Unknown"/> when the host cannot tell.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public RegistrationRequest(string? serial, string? email, string? password, string? confirmation, string? captchaResponse, ClientContext client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Serial = serial;
        Email = email;
        Password = password;
        Confirmation = confirmation;
        CaptchaResponse = captchaResponse;
        Client = client;
    }

    /// <summary>Gets the serial number as typed.</summary>
    public string? Serial { get; }

    /// <summary>Gets the email address as typed.</summary>
    public string? Email { get; }

    /// <summary>Gets the password as typed.</summary>
    public string? Password { get; }

    /// <summary>Gets the password confirmation as typed.</summary>
    public string? Confirmation { get; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; }

    /// <summary>Gets the client (rate limit and captcha).</summary>
    public ClientContext Client { get; }

    /// <inheritdoc />
    public override string ToString() => "RegistrationRequest(***)";
}
