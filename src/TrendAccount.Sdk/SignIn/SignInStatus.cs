namespace TrendAccount.Sdk;

/// <summary>
/// The public outcome of <see cref="IAccountService.SignInAsync"/>. Values are stable and never renumbered.
/// There is deliberately one failure: unknown email and wrong password look the same, and the step-up and
/// "try again" answers are decided without regard to whether the address has an account.
/// </summary>
public enum SignInStatus
{
    /// <summary>Signed in; a session was issued.</summary>
    Succeeded = 0,

    /// <summary>"You did not provide the right information. Please try again." The true reason is logged, never returned.</summary>
    Failed = 1,

    /// <summary>
    /// The address's failure budget for unrecognized devices is spent: show the captcha and sign in again with its
    /// answer (<see cref="SignInRequest.CaptchaResponse"/>). The right password with a solved captcha still signs in.
    /// Given alike for addresses with and without an account; a trusted device (<see cref="SignInRequest.DeviceToken"/>)
    /// does not meet it.
    /// </summary>
    CaptchaRequired = 2,

    /// <summary>
    /// "Try again shortly": the service is at its verification capacity or this client is over its sign-in limit.
    /// Nothing was checked. Hosts answer HTTP 503 (overload) or 429 with <c>Retry-After</c> from
    /// <see cref="SignInResult.RetryAfter"/>. Given alike for every address.
    /// </summary>
    TryAgainLater = 3,
}
