namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/register/confirm</c>: the token from a "confirm your registration" link.</summary>
/// <remarks>A body, not a query string, so the token stays out of request logs.</remarks>
public sealed class ConfirmRegistrationBody
{
    /// <summary>Gets the token from the link.</summary>
    public string? Token { get; init; }
}
