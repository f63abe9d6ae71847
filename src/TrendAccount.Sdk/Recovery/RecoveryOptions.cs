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

    /// <summary>
    /// Gets or sets the base of the "confirm your registration" link; the token is appended. Absolute, https (http
    /// only for loopback hosts). Never taken from request data. The page it opens calls
    /// <see cref="IAccountService.ConfirmRegistrationAsync"/> with the token.
    /// </summary>
    /// <value>
    /// No default. Required by the flows, like <see cref="ResetLinkBaseUrl"/>: resolving <see cref="IAccountService"/>
    /// fails naming this setting while it is unset.
    /// </value>
    public Uri? RegistrationLinkBaseUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether "forgot which address" shows the masked address (<c>j***n@e*****e.com</c>) as well as mailing a reminder.</summary>
    /// <value>Defaults to <see langword="true"/>. When <see langword="false"/> the SDK discloses nothing and only mails.</value>
    public bool DiscloseMaskedEmail { get; set; } = true;

    internal void Validate(ICollection<string> failures)
    {
        ValidateLink(ResetLinkBaseUrl, nameof(ResetLinkBaseUrl), failures);
        ValidateLink(RegistrationLinkBaseUrl, nameof(RegistrationLinkBaseUrl), failures);
    }

    private static void ValidateLink(Uri? link, string name, ICollection<string> failures)
    {
        if (link is null)
        {
            return;
        }

        if (!link.IsAbsoluteUri)
        {
            failures.Add($"TrendAccount:Recovery:{name} ('{link}') must be an absolute URL.");
        }
        else if (link.Scheme != Uri.UriSchemeHttps && !(link.Scheme == Uri.UriSchemeHttp && link.IsLoopback))
        {
            failures.Add($"TrendAccount:Recovery:{name} ('{link}') must use https (http is allowed only for loopback hosts).");
        }
    }
}
