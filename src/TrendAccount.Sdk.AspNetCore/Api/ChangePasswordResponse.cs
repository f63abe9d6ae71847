namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/change-password</c>. On success the cookie already holds the replacement session.</summary>
public sealed class ChangePasswordResponse : FlowResponse
{
    /// <summary>Gets every password problem found (<c>PasswordProblem</c> names), empty otherwise.</summary>
    public IReadOnlyList<string> PasswordProblems { get; init; } = [];

    /// <summary>Gets when the replacement session ends if unused, when <see cref="FlowResponse.Succeeded"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
