namespace TrendAccount.Sdk.MailKit;

/// <summary>
/// Settings of <see cref="SmtpAccountMailer"/>. Bind them from the <see cref="SectionName"/> configuration section or set
/// them in code; they are validated when the host starts, and every failure names its setting.
/// </summary>
public sealed class SmtpMailerOptions
{
    /// <summary>The configuration section name used by convention: <c>TrendAccount:Smtp</c>.</summary>
    public const string SectionName = "TrendAccount:Smtp";

    /// <summary>The default port: 587 (message submission with STARTTLS).</summary>
    public const int DefaultPort = 587;

    /// <summary>The default TLS mode: <see cref="SmtpTlsMode.StartTls"/>.</summary>
    public const SmtpTlsMode DefaultTlsMode = SmtpTlsMode.StartTls;

    /// <summary>The default time one message may take, from connect to the server's acceptance: 30 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest <see cref="Timeout"/> allowed: 10 minutes.</summary>
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets the SMTP server's host name or IP address.</summary>
    /// <value>Required; no default.</value>
    public string? Host { get; set; }

    /// <summary>Gets or sets the SMTP server's port.</summary>
    /// <value>Defaults to <see cref="DefaultPort"/> (587). Use 465 with <see cref="SmtpTlsMode.SslOnConnect"/>.</value>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Gets or sets how the connection is secured.</summary>
    /// <value>Defaults to <see cref="DefaultTlsMode"/> (<see cref="SmtpTlsMode.StartTls"/>).</value>
    public SmtpTlsMode TlsMode { get; set; } = DefaultTlsMode;

    /// <summary>Gets or sets the user name to authenticate with, or <see langword="null"/> to send without authenticating.</summary>
    /// <value>Defaults to <see langword="null"/> (no authentication).</value>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password for <see cref="UserName"/>. Never logged; keep it in a secret store, not in a file.</summary>
    /// <value>Defaults to <see langword="null"/>; required when <see cref="UserName"/> is set.</value>
    public string? Password { get; set; }

    /// <summary>Gets or sets the sender address (the <c>From</c> header and the envelope sender).</summary>
    /// <value>Required; no default.</value>
    public string? FromAddress { get; set; }

    /// <summary>Gets or sets the sender's display name, such as "Trend Micro Account".</summary>
    /// <value>Defaults to <see langword="null"/> (the address alone).</value>
    public string? FromName { get; set; }

    /// <summary>
    /// Gets or sets the longest time one message may take, from opening the connection to the server's acceptance.
    /// A server that hangs fails the send after this time instead of holding the caller.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultTimeout"/> (30 seconds); positive and at most <see cref="MaximumTimeout"/> (10 minutes).</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
