namespace TrendAccount.Sdk;

/// <summary>"Forgot which address you used before?": the serial number and captcha, then "Check Now". Immutable.</summary>
public sealed class EmailRecoveryRequest
{
    /// <summary>Initializes a new instance of the <see cref="EmailRecoveryRequest"/> class.</summary>
    /// <param name="serial">The product serial number as typed.</param>
    /// <param name="captchaResponse">The captcha answer or widget response.</param>
    /// <param name="client">The client; <see cref="ClientContext.Unknown"/> when <see langword="null"/>.</param>
    public EmailRecoveryRequest(string? serial, string? captchaResponse, ClientContext? client = null)
    {
        Serial = serial;
        CaptchaResponse = captchaResponse;
        Client = client ?? ClientContext.Unknown;
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
