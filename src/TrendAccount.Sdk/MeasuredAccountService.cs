namespace TrendAccount.Sdk;

/// <summary>
/// Times every <see cref="IAccountService"/> call into <c>trendaccount.flow.duration</c>, in one place around the
/// facade, so no handler carries timing code. Thread-safe; wraps the one <see cref="AccountService"/> of a container.
/// </summary>
/// <remarks>
/// The outcome tag is the result's public status in snake_case (the same codes a caller sees), never the true reason
/// behind a generic failure, so the histogram reveals nothing the result does not. A call that throws is recorded with
/// outcome <c>error</c> and <c>error.type</c>, and the exception propagates unchanged. When nothing listens to the
/// histogram, calls are passed through without reading the clock.
/// </remarks>
internal sealed class MeasuredAccountService : IAccountService
{
    private const string ErrorOutcome = "error";

    private readonly IAccountService _inner;
    private readonly TrendAccountMetrics _metrics;
    private readonly TimeProvider _time;

    public MeasuredAccountService(IAccountService inner, TrendAccountMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        _inner = inner;
        _metrics = metrics;
        _time = time;
    }

    public Task<ProductActivationResult> ActivateProductAsync(ProductActivationRequest request, CancellationToken cancellationToken = default) =>
        Measure("activate_product", Start(), _inner.ActivateProductAsync(request, cancellationToken), static r => StatusCodes<ProductActivationStatus>.Of(r.Status));

    public Task<RegistrationResult> RegisterAsync(RegistrationRequest request, CancellationToken cancellationToken = default) =>
        Measure("register", Start(), _inner.RegisterAsync(request, cancellationToken), static r => StatusCodes<RegistrationStatus>.Of(r.Status));

    public Task<ConfirmRegistrationResult> ConfirmRegistrationAsync(ConfirmRegistrationRequest request, CancellationToken cancellationToken = default) =>
        Measure("confirm_registration", Start(), _inner.ConfirmRegistrationAsync(request, cancellationToken), static r => StatusCodes<ConfirmRegistrationStatus>.Of(r.Status));

    public Task<SignInResult> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default) =>
        Measure("sign_in", Start(), _inner.SignInAsync(request, cancellationToken), static r => StatusCodes<SignInStatus>.Of(r.Status));

    public Task<EmailRecoveryResult> RecoverEmailAsync(EmailRecoveryRequest request, CancellationToken cancellationToken = default) =>
        Measure("recover_email", Start(), _inner.RecoverEmailAsync(request, cancellationToken), static r => StatusCodes<EmailRecoveryStatus>.Of(r.Status));

    public Task<ForgotPasswordResult> RequestPasswordResetAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        Measure("request_password_reset", Start(), _inner.RequestPasswordResetAsync(request, cancellationToken), static r => StatusCodes<ForgotPasswordStatus>.Of(r.Status));

    public Task<bool> IsPasswordResetLinkValidAsync(string? token, CancellationToken cancellationToken = default) =>
        Measure("check_reset_link", Start(), _inner.IsPasswordResetLinkValidAsync(token, cancellationToken), static valid => valid ? "valid" : "invalid");

    public Task<ResetPasswordResult> ResetPasswordAsync(ResetPasswordRequest request, CancellationToken cancellationToken = default) =>
        Measure("reset_password", Start(), _inner.ResetPasswordAsync(request, cancellationToken), static r => StatusCodes<ResetPasswordStatus>.Of(r.Status));

    public Task<ChangePasswordResult> ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) =>
        Measure("change_password", Start(), _inner.ChangePasswordAsync(request, cancellationToken), static r => StatusCodes<ChangePasswordStatus>.Of(r.Status));

    public Task<AccountSession?> ValidateSessionAsync(string sessionToken, CancellationToken cancellationToken = default) =>
        Measure("validate_session", Start(), _inner.ValidateSessionAsync(sessionToken, cancellationToken), static session => session is null ? "invalid" : "valid");

    public Task SignOutAsync(string sessionToken, CancellationToken cancellationToken = default) =>
        Measure("sign_out", Start(), SignedOutAsync(_inner.SignOutAsync(sessionToken, cancellationToken)), static _ => "succeeded");

    private static async Task<bool> SignedOutAsync(Task signOut)
    {
        await signOut.ConfigureAwait(false);
        return true;
    }

    // Zero when nothing listens: the call is then passed through untimed.
    private long Start() => _metrics.FlowDurationEnabled ? _time.GetTimestamp() : 0;

    private Task<T> Measure<T>(string flow, long start, Task<T> call, Func<T, string> outcome) =>
        start == 0 ? call : MeasureAsync(flow, start, call, outcome);

    private async Task<T> MeasureAsync<T>(string flow, long start, Task<T> call, Func<T, string> outcome)
    {
        T result;
        try
        {
            result = await call.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _metrics.FlowDuration(flow, ErrorOutcome, _time.GetElapsedTime(start), exception.GetType().FullName);
            throw;
        }

        _metrics.FlowDuration(flow, outcome(result), _time.GetElapsedTime(start));
        return result;
    }

    /// <summary>The snake_case code of each value of a status enum, computed once per enum.</summary>
    /// <typeparam name="TStatus">The status enum.</typeparam>
    private static class StatusCodes<TStatus>
        where TStatus : struct, Enum
    {
        private static readonly Dictionary<TStatus, string> Codes = Enum.GetValues<TStatus>().Distinct().ToDictionary(v => v, v => SnakeCase(v.ToString()));

        public static string Of(TStatus status) => Codes.TryGetValue(status, out var code) ? code : "unknown";

        private static string SnakeCase(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(name[i]));
            }

            return builder.ToString();
        }
    }
}
