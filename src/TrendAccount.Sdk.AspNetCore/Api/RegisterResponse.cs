namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>POST {prefix}/register</c>. Registration does not sign in: the next step is "Sign In".</summary>
public sealed class RegisterResponse : FlowResponse
{
    /// <summary>Gets why the serial is not well formed (<c>SerialProblem</c> name), or <c>None</c>.</summary>
    public required string SerialProblem { get; init; }

    /// <summary>Gets why the email address is not usable (<c>EmailProblem</c> name), or <c>None</c>.</summary>
    public required string EmailProblem { get; init; }

    /// <summary>Gets every password problem found (<c>PasswordProblem</c> names), empty when none.</summary>
    public IReadOnlyList<string> PasswordProblems { get; init; } = [];

    /// <summary>Gets whom a reseller customer contacts instead, for status <c>ResellerSerial</c>.</summary>
    public string? ResellerContact { get; init; }

    /// <summary>Gets the canonical serial, when well formed.</summary>
    public string? Serial { get; init; }
}
