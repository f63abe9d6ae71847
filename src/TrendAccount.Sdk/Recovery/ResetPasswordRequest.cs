namespace TrendAccount.Sdk;

/// <summary>
/// The form behind the "change your password now" link: the token from the link, New password and Confirm new
/// password, then "Update Password". Immutable; <see cref="ToString"/> never reveals the token or passwords.
/// </summary>
public sealed class ResetPasswordRequest
{
    /// <summary>Initializes a new instance of the <see cref="ResetPasswordRequest"/> class.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="newPassword">The new password as typed.</param>
    /// <param name="confirmation">The confirmation as typed.</param>
    /// <param name="client">The client the request came from (rate limits are counted per client); <see cref="ClientContext.Unknown"/> when the host cannot tell.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public ResetPasswordRequest(string? token, string? newPassword, string? confirmation, ClientContext client)
    {
        Token = token;
        NewPassword = newPassword;
        Confirmation = confirmation;
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    /// <summary>Gets the token from the link.</summary>
    public string? Token { get; }

    /// <summary>Gets the new password as typed.</summary>
    public string? NewPassword { get; }

    /// <summary>Gets the confirmation as typed.</summary>
    public string? Confirmation { get; }

    /// <summary>Gets the client (throttling of invalid links).</summary>
    public ClientContext Client { get; }

    /// <inheritdoc />
    public override string ToString() => "ResetPasswordRequest(***)";
}
