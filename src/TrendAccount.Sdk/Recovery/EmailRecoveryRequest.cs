namespace TrendAccount.Sdk;

/// <summary>"Forgot which address you used before?": the serial number and captcha, then "Check Now". Immutable.</summary>
public sealed class EmailRecoveryRequest
{
    /// <summary>Initializes a new instance of the <see cref="EmailRecoveryRequest"/> class.</summary>
    /// <param name="serial">The product serial number as typed.</param>
    /// <param name="captchaResponse">The captcha answer or widget response.</param>
    /// <param name="client">The client the request came from (rate limits are counted per client); <see cref="ClientContext.Unknown"/> when the host cannot tell.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public EmailRecoveryRequest(string? serial, string? captchaResponse, ClientContext client)
    {
        Serial = serial;
        CaptchaResponse = captchaResponse;
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>Gets the serial number as typed.</summary>
    public string? Serial { get; }

    /// <summary>Gets the captcha answer or widget response.</summary>
    public string? CaptchaResponse { get; }

    /// <summary>Gets the client (rate limits and captcha).</summary>
    public ClientContext Client { get; }

    /// <inheritdoc />
    public override string ToString() => "EmailRecoveryRequest(***)";
}
