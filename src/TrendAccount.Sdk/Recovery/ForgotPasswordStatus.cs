namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountService.RequestPasswordResetAsync"/>. Values are stable and never renumbered.</summary>
public enum ForgotPasswordStatus
{
    /// <summary>
    /// "Check your email": the same answer whether or not the address has an account, and also when a rate limit
    /// was reached (then nothing is sent).
    /// </summary>
    Accepted = 0,

    /// <summary>The captcha was not solved; nothing was looked up or sent.</summary>
    CaptchaFailed = 1,

    /// <summary>What was typed is not an email address (decided from the input alone).</summary>
    InvalidEmail = 2,
}
