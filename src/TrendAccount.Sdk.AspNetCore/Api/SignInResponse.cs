namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// The answer of <c>POST {prefix}/signin</c>. The session and device tokens travel in cookies, never in the body.
/// Status <c>CaptchaRequired</c> (200): show a captcha and send its response with the next attempt. Status
/// <c>TryAgainLater</c> is sent with 503 and <c>Retry-After</c>.
/// </summary>
public sealed class SignInResponse : FlowResponse
{
    /// <summary>Gets when the session ends if unused, when <see cref="FlowResponse.Succeeded"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets how many seconds to wait before trying again, when the status is <c>TryAgainLater</c> (also in <c>Retry-After</c>).</summary>
    public long? RetryAfterSeconds { get; init; }
}
