namespace TrendAccount.Sdk;

/// <summary>Recovery settings (<see cref="TrendAccountOptions.Recovery"/>).</summary>
public sealed class RecoveryOptions
{
    /// <summary>
    /// Gets or sets the base of the "change your password now" link; the token is appended. Absolute, https
    /// (http only for loopback hosts). Never taken from request data.
    /// </summary>
    /// <value>
    /// No default. Required by the flows: resolving <see cref="IAccountService"/> (and a generic host's start-up
    /// validation) fails naming this setting while it is unset. The pure building blocks do not need it.
    /// </value>
    public Uri? ResetLinkBaseUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether "forgot which address" shows the masked address (<c>j***n@e***e.com</c>) as well as mailing a reminder.</summary>
    /// <value>Defaults to <see langword="true"/>. When <see langword="false"/> the SDK discloses nothing and only mails.</value>
    public bool DiscloseMaskedEmail { get; set; } = true;

    internal void Validate(ICollection<string> failures)
    {
        if (ResetLinkBaseUrl is null)
        {
            return;
        }

        if (!ResetLinkBaseUrl.IsAbsoluteUri)
        {
            failures.Add($"TrendAccount:Recovery:ResetLinkBaseUrl ('{ResetLinkBaseUrl}') must be an absolute URL.");
        }
        else if (ResetLinkBaseUrl.Scheme != Uri.UriSchemeHttps && !(ResetLinkBaseUrl.Scheme == Uri.UriSchemeHttp && ResetLinkBaseUrl.IsLoopback))
        {
            failures.Add($"TrendAccount:Recovery:ResetLinkBaseUrl ('{ResetLinkBaseUrl}') must use https (http is allowed only for loopback hosts).");
        }
    }
}
