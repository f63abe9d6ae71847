using Microsoft.Extensions.DependencyInjection;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>Wraps the registered <see cref="IAccountService"/> and counts session checks that reach it.</summary>
public sealed class CountingAccountService
{
    private int _validations;

    public int Validations => Volatile.Read(ref _validations);

    public void Decorate(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IAccountService));
        services.Remove(inner);
        services.AddSingleton<IAccountService>(sp => new Counting((IAccountService)inner.ImplementationFactory!(sp), this));
    }

    private sealed class Counting(IAccountService inner, CountingAccountService counter) : IAccountService
    {
        public Task<ProductActivationResult> ActivateProductAsync(ProductActivationRequest request, CancellationToken cancellationToken = default) => inner.ActivateProductAsync(request, cancellationToken);

        public Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken = default) => inner.RegisterAsync(request, cancellationToken);

        public Task<ConfirmRegistrationResult> ConfirmRegistrationAsync(ConfirmRegistrationRequest request, CancellationToken cancellationToken = default) => inner.ConfirmRegistrationAsync(request, cancellationToken);

        public Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default) => inner.SignInAsync(request, cancellationToken);

        public Task<EmailRecoveryResult> RecoverEmailAsync(EmailRecoveryRequest request, CancellationToken cancellationToken = default) => inner.RecoverEmailAsync(request, cancellationToken);

        public Task<ForgotPasswordResult> RequestPasswordResetAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) => inner.RequestPasswordResetAsync(request, cancellationToken);

        public Task<bool> IsPasswordResetLinkValidAsync(string? token, CancellationToken cancellationToken = default) => inner.IsPasswordResetLinkValidAsync(token, cancellationToken);

        public Task<ResetPasswordResult> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default) => inner.ResetPasswordAsync(request, cancellationToken);

        public Task<ChangePasswordResult> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) => inner.ChangePasswordAsync(request, cancellationToken);

        public Task<AccountSession?> ValidateSessionAsync(string sessionToken, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref counter._validations);
            return inner.ValidateSessionAsync(sessionToken, cancellationToken);
        }

        public Task SignOutAsync(string sessionToken, CancellationToken cancellationToken = default) => inner.SignOutAsync(sessionToken, cancellationToken);
    }
}
