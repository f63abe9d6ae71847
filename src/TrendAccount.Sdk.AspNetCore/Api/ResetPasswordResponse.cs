namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/reset-password</c>; sent with status 429 and <c>Retry-After</c> when the client presented too many invalid links.</summary>
public sealed class ResetPasswordResponse : FlowResponse
{
    /// <summary>Gets every password problem found (<c>PasswordProblem</c> names), empty otherwise.</summary>
    public IReadOnlyList<string> PasswordProblems { get; init; } = [];
}
