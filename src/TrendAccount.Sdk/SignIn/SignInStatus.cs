namespace TrendAccount.Sdk;

/// <summary>
/// The public outcome of <see cref="IAccountService.SignInAsync"/>. Values are stable and never renumbered.
/// There is deliberately one failure: unknown email, wrong password and a locked account look the same.
/// </summary>
public enum SignInStatus
{
    /// <summary>Signed in; a session was issued.</summary>
    Succeeded = 0,

    /// <summary>"You did not provide the right information. Please try again." The true reason is logged, never returned.</summary>
    Failed = 1,
}
