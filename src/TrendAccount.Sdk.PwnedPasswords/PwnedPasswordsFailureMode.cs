namespace TrendAccount.Sdk.PwnedPasswords;

/// <summary>What happens to a new password when the range service or the offline folder cannot answer. Values are stable.</summary>
public enum PwnedPasswordsFailureMode
{
    /// <summary>
    /// The password is accepted unscreened (the common-password list still applied), with a warning in the log and
    /// a count in the <c>trendaccount.pwned_passwords.checks</c> metric: an outage never stops a customer from
    /// registering or resetting. The default.
    /// </summary>
    FailOpen = 0,

    /// <summary>
    /// The password is refused with <see cref="PasswordProblem.BreachCheckUnavailable"/> and the customer is asked to
    /// try again later: no password is ever set unscreened, at the price of availability.
    /// </summary>
    FailClosed = 1,
}
