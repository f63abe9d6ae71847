namespace TrendAccount.Sdk;

/// <summary>
/// The SDK's <see cref="IAccountService"/>: a facade that hands each customer action to the handler of its flow
/// (one feature folder each) and does nothing else. Thread-safe; one instance per container.
/// </summary>
internal sealed class AccountService : IAccountService
{
    private readonly SignInHandler _signIn;
    private readonly RegistrationHandler _registration;
    private readonly ConfirmRegistrationHandler _confirmRegistration;
    private readonly EmailRecoveryHandler _emailRecovery;
    private readonly ForgotPasswordHandler _forgotPassword;
    private readonly ResetPasswordHandler _resetPassword;
    private readonly ChangePasswordHandler _changePassword;
    private readonly SessionHandler _sessions;

    public AccountService(
        SignInHandler signIn,
        RegistrationHandler registration,
        ConfirmRegistrationHandler confirmRegistration,
        EmailRecoveryHandler emailRecovery,
        ForgotPasswordHandler forgotPassword,
        ResetPasswordHandler resetPassword,
        ChangePasswordHandler changePassword,
        SessionHandler sessions)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(confirmRegistration);
        ArgumentNullException.ThrowIfNull(emailRecovery);
        ArgumentNullException.ThrowIfNull(forgotPassword);
        ArgumentNullException.ThrowIfNull(resetPassword);
        ArgumentNullException.ThrowIfNull(changePassword);
        ArgumentNullException.ThrowIfNull(sessions);
        _signIn = signIn;
        _registration = registration;
        _confirmRegistration = confirmRegistration;
        _emailRecovery = emailRecovery;
        _forgotPassword = forgotPassword;
        _resetPassword = resetPassword;
        _changePassword = changePassword;
        _sessions = sessions;
    }

    public Task<ProductActivationResult> ActivateProductAsync(ProductActivationRequest request, CancellationToken cancellationToken = default) =>
        _registration.ActivateProductAsync(request, cancellationToken);

    public Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken = default) =>
        _registration.RegisterAsync(request, cancellationToken);

    public Task<ConfirmRegistrationResult> ConfirmRegistrationAsync(ConfirmRegistrationRequest request, CancellationToken cancellationToken = default) =>
        _confirmRegistration.ConfirmRegistrationAsync(request, cancellationToken);

    public Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default) =>
        _signIn.SignInAsync(request, cancellationToken);

    public Task<EmailRecoveryResult> RecoverEmailAsync(EmailRecoveryRequest request, CancellationToken cancellationToken = default) =>
        _emailRecovery.RecoverEmailAsync(request, cancellationToken);

    public Task<ForgotPasswordResult> RequestPasswordResetAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        _forgotPassword.RequestPasswordResetAsync(request, cancellationToken);

    public Task<bool> IsPasswordResetLinkValidAsync(string? token, CancellationToken cancellationToken = default) =>
        _resetPassword.IsPasswordResetLinkValidAsync(token, cancellationToken);

    public Task<ResetPasswordResult> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default) =>
        _resetPassword.ResetPasswordAsync(request, cancellationToken);

    public Task<ChangePasswordResult> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) =>
        _changePassword.ChangePasswordAsync(request, cancellationToken);

    public Task<AccountSession?> ValidateSessionAsync(string sessionToken, CancellationToken cancellationToken = default) =>
        _sessions.ValidateSessionAsync(sessionToken, cancellationToken);

    public Task SignOutAsync(string sessionToken, CancellationToken cancellationToken = default) =>
        _sessions.SignOutAsync(sessionToken, cancellationToken);
}
