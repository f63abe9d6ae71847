namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/forgot-password</c>: the same for every address, whether or not it has an account.</summary>
public sealed class ForgotPasswordResponse : FlowResponse
{
    /// <summary>Gets why what was typed is not an email address (<c>EmailProblem</c> name), or <c>None</c>.</summary>
    public required string EmailProblem { get; init; }
}
