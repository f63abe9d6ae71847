namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.ChangePasswordAsync"/>. Values are stable and never renumbered.</summary>
public enum ChangePasswordStatus
{
    /// <summary>The password was changed; other sessions were signed out and the caller got a fresh session.</summary>
    Succeeded = 0,

    /// <summary>The session is missing, expired or revoked: sign in again.</summary>
    NotSignedIn = 1,

    /// <summary>The current password is not correct (or the account is locked after too many failures).</summary>
    CurrentPasswordIncorrect = 2,

    /// <summary>The new password breaks the policy; see <see cref="ChangePasswordResult.PasswordProblems"/>.</summary>
    InvalidPassword = 3,

    /// <summary>The credentials changed at the same moment (another change or a reset won the race); nothing was changed.</summary>
    Conflict = 4,
}
