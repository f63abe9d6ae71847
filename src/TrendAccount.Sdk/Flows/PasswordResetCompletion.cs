namespace TrendAccount.Sdk;

/// <summary>
/// The form behind the "change your password now" link: the token from the link, New password and Confirm new
/// password, then "Update Password". Immutable; <see cref="ToString"/> never reveals the token or passwords.
/// </summary>
public sealed class PasswordResetCompletion
{
    /// <summary>Initializes a new instance of the <see cref="PasswordResetCompletion"/> class.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="newPassword">The new password as typed.</param>
    /// <param name="confirmation">The confirmation as typed.</param>
    /// <param name="client">The client; <see cref="ClientContext.Unknown"/> when <see langword="null"/>.</param>
    public PasswordResetCompletion(string? token, string? newPassword, string? confirmation, ClientContext? client = null)
    {
        Token = token;
        NewPassword = newPassword;
        Confirmation = confirmation;
        Client = client ?? ClientContext.Unknown;
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
    public override string ToString() => "PasswordResetCompletion(***)";
}
