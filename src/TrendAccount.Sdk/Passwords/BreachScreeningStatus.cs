namespace TrendAccount.Sdk;

/// <summary>The verdict of an <see cref="IBreachedPasswordScreen"/>. Values are stable.</summary>
public enum BreachScreeningStatus
{
    /// <summary>The password is not known from a breach (or the screen could not tell and fails open): it may be used.</summary>
    NotBreached = 1,

    /// <summary>The password is known from a breach: it is refused with <see cref="PasswordProblem.Breached"/>.</summary>
    Breached = 2,

    /// <summary>
    /// The screen could not tell and fails closed: the password is refused with
    /// <see cref="PasswordProblem.BreachCheckUnavailable"/> and the customer is asked to try again later.
    /// </summary>
    Unavailable = 3,
}
