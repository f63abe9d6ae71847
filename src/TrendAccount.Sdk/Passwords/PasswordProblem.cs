namespace TrendAccount.Sdk;

/// <summary>A reason a new password was refused. Values are stable; <see cref="PasswordValidation.Problems"/> lists them in this order.</summary>
public enum PasswordProblem
{
    /// <summary>Shorter than <see cref="PasswordOptions.MinimumLength"/> Unicode scalar values (after NFKC).</summary>
    TooShort = 1,

    /// <summary>Longer than <see cref="PasswordOptions.MaximumLength"/> Unicode scalar values (after NFKC).</summary>
    TooLong = 2,

    /// <summary>The confirmation differs from the password (compared after NFKC).</summary>
    ConfirmationMismatch = 3,

    /// <summary>NUL or another control character, a lone surrogate or a noncharacter.</summary>
    InvalidCharacters = 4,

    /// <summary>A common password from the blocklist.</summary>
    Blocklisted = 5,

    /// <summary>The password equals, ignoring case, the email address, its local part or the product serial.</summary>
    ContainsAccountDetails = 6,

    /// <summary>
    /// Known from a data breach, as told by the <see cref="IBreachedPasswordScreen"/>. Checked only when no other
    /// problem was found.
    /// </summary>
    Breached = 7,

    /// <summary>
    /// The <see cref="IBreachedPasswordScreen"/> could not check the password and fails closed; the same password may
    /// be accepted when tried again later.
    /// </summary>
    BreachCheckUnavailable = 8,
}
