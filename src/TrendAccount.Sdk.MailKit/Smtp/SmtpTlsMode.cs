namespace TrendAccount.Sdk.MailKit;

/// <summary>How <see cref="SmtpAccountMailer"/> secures the connection to the SMTP server. Values are stable.</summary>
public enum SmtpTlsMode
{
    /// <summary>
    /// No TLS: everything, including the reset links, crosses the network in clear text. Only for a relay on the
    /// same machine or a development server.
    /// </summary>
    None = 0,

    /// <summary>Connect in clear text, then require STARTTLS (usually port 587). Fails when the server does not offer it.</summary>
    StartTls = 1,

    /// <summary>
    /// Use STARTTLS when the server offers it, otherwise stay in clear text. An attacker on the path can strip the offer,
    /// so prefer <see cref="StartTls"/> or <see cref="SslOnConnect"/> in production.
    /// </summary>
    StartTlsWhenAvailable = 2,

    /// <summary>TLS from the first byte ("implicit TLS", usually port 465).</summary>
    SslOnConnect = 3,
}
