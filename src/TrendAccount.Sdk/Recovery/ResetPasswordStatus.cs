namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.ResetPasswordAsync"/>. Values are stable and never renumbered.</summary>
public enum ResetPasswordStatus
{
    /// <summary>"Password Changed": the password was replaced; every session and other link of the account stopped working.</summary>
    Succeeded = 0,

    /// <summary>The new password breaks the policy; the link still works. See <see cref="ResetPasswordResult.PasswordProblems"/>.</summary>
    InvalidPassword = 1,

    /// <summary>The link is unknown, expired, already used, replaced by a newer one or not a reset link: one generic answer.</summary>
    InvalidLink = 2,

    /// <summary>This client presented too many invalid links; try again later.</summary>
    RateLimited = 3,
}
