namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/signin</c>. The session itself travels in the cookie, never in the body.</summary>
public sealed class SignInResponse : FlowResponse
{
    /// <summary>Gets when the session ends if unused, when <see cref="FlowResponse.Succeeded"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
