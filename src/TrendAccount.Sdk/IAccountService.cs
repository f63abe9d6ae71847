namespace TrendAccount.Sdk;

/// <summary>
/// Every customer action of the vendor support article, one method each. Expected failures are results with a
/// stable <c>Status</c> and a customer-facing <c>Message</c>; no method throws because of what a customer typed.
/// A <see langword="null"/> request is misuse and throws <see cref="ArgumentNullException"/>; a cancelled token throws
/// <see cref="OperationCanceledException"/>; an exception from a store adapter propagates. Implementations are thread-safe.
/// </summary>
public interface IAccountService
{
    /// <summary>Records that the program was installed and activated with a serial (called by the activation backend).</summary>
    /// <param name="request">The activation.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<ProductActivationResult> ActivateProductAsync(ProductActivationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks to create an account for an activated serial. Every acceptable request gets the same answer, "check your
    /// email": a new address is mailed a single-use confirmation link (the account exists once it is used, see
    /// <see cref="ConfirmRegistrationAsync"/>); an address that already has an account is mailed a notice, and the
    /// serial is not linked. Needs a solved captcha; limited per client.
    /// </summary>
    /// <param name="request">The registration.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// "Confirm your registration": with the token from the link, creates the account and links the serial, once.
    /// The link is single use: of any number of concurrent calls with it, at most one creates the account.
    /// </summary>
    /// <param name="request">The token from the link.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result, with the new account's id on success.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<ConfirmRegistrationResult> ConfirmRegistrationAsync(ConfirmRegistrationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Signs a customer in. Unknown email, wrong password and a locked account give the same result and cost the same.</summary>
    /// <param name="request">The attempt.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result, with a session token on success.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default);

    /// <summary>"Forgot which address you used before?": finds the address registered with a serial and mails a reminder.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<EmailRecoveryResult> RecoverEmailAsync(EmailRecoveryRequest request, CancellationToken cancellationToken = default);

    /// <summary>"Forgot your password?": mails a single-use "change your password now" link. Answers the same whether or not the address has an account.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<ForgotPasswordResult> RequestPasswordResetAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells whether a reset link would still work, so the page it opens can say "no longer valid" before the customer
    /// types a new password. Changes nothing; <see cref="ResetPasswordAsync"/> still decides, atomically.
    /// </summary>
    /// <param name="token">The token from the link; any string.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the link is unused, unexpired and issued under the account's current credentials.</returns>
    Task<bool> IsPasswordResetLinkValidAsync(string? token, CancellationToken cancellationToken = default);

    /// <summary>"Update Password": sets a new password with the token from a reset link.</summary>
    /// <param name="request">The completion.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<ResetPasswordResult> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the password of a signed-in customer, given the current password.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result, with a replacement session token on success.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    Task<ChangePasswordResult> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default);

    /// <summary>Checks a session token and slides its idle expiry.</summary>
    /// <param name="sessionToken">The token; any string.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The session, or <see langword="null"/> when the token is unknown, expired, revoked or from before a credential change.</returns>
    Task<AccountSession?> ValidateSessionAsync(string sessionToken, CancellationToken cancellationToken = default);

    /// <summary>Ends a session. Does nothing for an unknown or already ended session.</summary>
    /// <param name="sessionToken">The token; any string.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the session is ended.</returns>
    Task SignOutAsync(string sessionToken, CancellationToken cancellationToken = default);
}
