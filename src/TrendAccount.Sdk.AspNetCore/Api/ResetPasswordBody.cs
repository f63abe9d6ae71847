namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/reset-password</c> ("Update Password"): the link's token, New password and Confirm new password.</summary>
public sealed class ResetPasswordBody
{
    /// <summary>Gets the token from the link.</summary>
    public string? Token { get; init; }

    /// <summary>Gets the new password as typed.</summary>
    public string? NewPassword { get; init; }

    /// <summary>Gets the confirmation as typed.</summary>
    public string? Confirmation { get; init; }
}
