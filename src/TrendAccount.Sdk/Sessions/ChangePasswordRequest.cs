namespace TrendAccount.Sdk;

/// <summary>A signed-in customer changing the password. Immutable; <see cref="ToString"/> never reveals secrets.</summary>
public sealed class ChangePasswordRequest
{
    /// <summary>Initializes a new instance of the <see cref="ChangePasswordRequest"/> class.</summary>
    /// <param name="sessionToken">The caller's session token.</param>
    /// <param name="currentPassword">The current password as typed.</param>
    /// <param name="newPassword">The new password as typed.</param>
    /// <param name="confirmation">The confirmation of the new password as typed.</param>
    public ChangePasswordRequest(string? sessionToken, string? currentPassword, string? newPassword, string? confirmation)
    {
        SessionToken = sessionToken;
        CurrentPassword = currentPassword;
        NewPassword = newPassword;
        Confirmation = confirmation;
    }

    /// <summary>Gets the caller's session token.</summary>
    public string? SessionToken { get; }

    /// <summary>Gets the current password as typed.</summary>
    public string? CurrentPassword { get; }

    /// <summary>Gets the new password as typed.</summary>
    public string? NewPassword { get; }

    /// <summary>Gets the confirmation as typed.</summary>
    public string? Confirmation { get; }

    /// <inheritdoc />
    public override string ToString() => "ChangePasswordRequest(***)";
}
