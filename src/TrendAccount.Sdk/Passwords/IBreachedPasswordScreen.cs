namespace TrendAccount.Sdk;

/// <summary>
/// Screens a newly chosen password against passwords known from earlier data breaches (NIST SP 800-63B §3.1.1.2).
/// Consulted when a customer chooses a password — registration, reset and change — and never at sign-in.
/// Implementations must be thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The SDK calls the screen only for a password that already passes every rule of <see cref="PasswordPolicy"/>, so
/// a screen is never asked about empty, oversized or ill-formed text. The password it receives is the NFKC form the
/// account's hash is made from. It must not leave the process: a screen that asks a remote service sends at most a
/// short prefix of a hash of it (the k-anonymity range protocol of <c>TrendAccount.Sdk.PwnedPasswords</c>), and never
/// logs it.
/// </para>
/// <para>
/// Expected failures are answers, not exceptions: a screen that cannot decide (its service is slow or down, its answer
/// is garbage) returns <see cref="BreachScreeningResult.NotBreached"/> when it fails open, or
/// <see cref="BreachScreeningResult.Unavailable"/> when it fails closed — then the password is refused with
/// <see cref="PasswordProblem.BreachCheckUnavailable"/> and the customer is asked to try again later. An exception
/// from a screen is treated as a broken adapter and reaches the caller of the flow.
/// </para>
/// </remarks>
public interface IBreachedPasswordScreen
{
    /// <summary>Tells whether a password is known from a data breach.</summary>
    /// <param name="password">The NFKC form of the new password; never <see langword="null"/> or empty.</param>
    /// <param name="cancellationToken">Cancels the check when the customer's request is abandoned.</param>
    /// <returns>The verdict.</returns>
    ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken);
}
