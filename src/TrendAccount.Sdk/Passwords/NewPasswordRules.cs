namespace TrendAccount.Sdk;

/// <summary>
/// Every rule a newly chosen password must pass, in order: the policy against the account's address and each of its
/// serials, then the breach screen (<see cref="NewPasswordBreachCheck"/>) for a password the policy accepts.
/// Registration, reset and change reach it through the one call site in <c>NewPasswordService</c>; sign-in never
/// does. Thread-safe.
/// </summary>
internal sealed class NewPasswordRules
{
    private readonly PasswordPolicy _policy;
    private readonly NewPasswordBreachCheck _breachCheck;

    public NewPasswordRules(PasswordPolicy policy, NewPasswordBreachCheck breachCheck)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _breachCheck = breachCheck ?? throw new ArgumentNullException(nameof(breachCheck));
    }

    /// <summary>Judges a normalized new password for an address and the serials it is (or will be) linked to.</summary>
    /// <param name="password">The normalized new password.</param>
    /// <param name="confirmation">The normalized confirmation.</param>
    /// <param name="email">The account's address, which the password must not repeat.</param>
    /// <param name="serials">The account's serials, which the password must not repeat.</param>
    /// <param name="cancellationToken">Cancels the breach screen.</param>
    /// <returns>The policy's problems, or the breach screen's verdict for a password the policy accepts.</returns>
    public ValueTask<PasswordValidation> ValidateAsync(string? password, string? confirmation, string email, IReadOnlyList<string> serials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serials);
        cancellationToken.ThrowIfCancellationRequested();

        // The policy takes one serial per call; every linked serial is checked.
        var validation = _policy.ValidateNormalized(password, confirmation, new PasswordContext(email, serials.Count > 0 ? serials[0] : null));
        for (var i = 1; i < serials.Count && validation.IsValid; i++)
        {
            validation = _policy.ValidateNormalized(password, confirmation, new PasswordContext(email, serials[i]));
        }

        // Then the breach screen, only for a password the policy accepts (never at sign-in). Registration calls this
        // before it looks the address up, so the answer is the same whether or not the address has an account.
        return _breachCheck.ApplyAsync(validation, password, cancellationToken);
    }
}
