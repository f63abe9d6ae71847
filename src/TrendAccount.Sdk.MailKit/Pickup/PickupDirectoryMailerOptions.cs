namespace TrendAccount.Sdk.MailKit;

/// <summary>Settings of <see cref="PickupDirectoryAccountMailer"/>, validated when the host starts.</summary>
public sealed class PickupDirectoryMailerOptions
{
    /// <summary>The configuration section name used by convention: <c>TrendAccount:PickupDirectory</c>.</summary>
    public const string SectionName = "TrendAccount:PickupDirectory";

    /// <summary>
    /// Gets or sets the folder the <c>.eml</c> files are written to. A relative path is resolved against the current
    /// directory when the mailer is created; the folder is created when missing.
    /// </summary>
    /// <value>Required; no default.</value>
    public string? Directory { get; set; }
}
