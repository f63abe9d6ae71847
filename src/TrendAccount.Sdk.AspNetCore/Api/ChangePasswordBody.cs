namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/change-password</c>: current password, new password and confirmation as typed.</summary>
public sealed class ChangePasswordBody
{
    /// <summary>Gets the current password as typed.</summary>
    public string? CurrentPassword { get; init; }

    /// <summary>Gets the new password as typed.</summary>
    public string? NewPassword { get; init; }

    /// <summary>Gets the confirmation as typed.</summary>
    public string? Confirmation { get; init; }
}
