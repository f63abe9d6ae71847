using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Adds the breach screen's verdict to a new password's policy result: the one step every flow that sets a password
/// (registration, reset, change) runs after <see cref="PasswordPolicy.Validate"/>. Sign-in never comes here.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Only a password with no policy problem is screened: a password refused anyway costs no round trip, and the screen
/// never sees text that could not be set. Registration screens before it looks the address up, so the answer is the
/// same whether or not the address has an account.
/// </remarks>
internal sealed partial class NewPasswordBreachCheck
{
    private const int BreachedMask = 1 << (PasswordProblem.Breached - PasswordProblem.TooShort);
    private const int UnavailableMask = 1 << (PasswordProblem.BreachCheckUnavailable - PasswordProblem.TooShort);

    private readonly IBreachedPasswordScreen _screen;
    private readonly ILogger _logger;

    public NewPasswordBreachCheck(IBreachedPasswordScreen screen, ILogger logger)
    {
        _screen = screen ?? throw new ArgumentNullException(nameof(screen));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Screens a password that passed the policy; returns the policy result unchanged otherwise.</summary>
    /// <param name="validation">The policy's result for <paramref name="password"/>.</param>
    /// <param name="password">The new password as typed.</param>
    /// <param name="cancellationToken">Cancels the screen.</param>
    /// <returns>The policy result, or one holding <see cref="PasswordProblem.Breached"/> or <see cref="PasswordProblem.BreachCheckUnavailable"/>.</returns>
    public async ValueTask<PasswordValidation> ApplyAsync(PasswordValidation validation, string? password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (!validation.IsValid || string.IsNullOrEmpty(password))
        {
            return validation;
        }

        var verdict = await _screen.ScreenAsync(PasswordText.ToNfkc(password), cancellationToken).ConfigureAwait(false);
        switch (verdict?.Status)
        {
            case BreachScreeningStatus.NotBreached:
                return validation;
            case BreachScreeningStatus.Breached:
                LogBreached();
                return PasswordValidation.FromMask(BreachedMask);
            case BreachScreeningStatus.Unavailable:
                LogUnavailable();
                return PasswordValidation.FromMask(UnavailableMask);
            default:
                throw new InvalidOperationException($"The breach screen {_screen.GetType().FullName} answered {verdict?.ToString() ?? "null"}; it must answer one of the BreachScreeningResult instances.");
        }
    }

    [LoggerMessage(EventId = 2000, EventName = "NewPasswordBreached", Level = LogLevel.Information,
        Message = "A new password was refused: the breach screen knows it from a data breach.")]
    private partial void LogBreached();

    [LoggerMessage(EventId = 2001, EventName = "NewPasswordBreachCheckUnavailable", Level = LogLevel.Warning,
        Message = "A new password was refused: the breach screen could not check it and fails closed.")]
    private partial void LogUnavailable();
}
