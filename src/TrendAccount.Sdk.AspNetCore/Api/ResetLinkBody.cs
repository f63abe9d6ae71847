namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The body of <c>POST {prefix}/reset-password/validate</c>: the token from a "change your password now" link.</summary>
/// <remarks>A body, not a query string, so the token stays out of request logs.</remarks>
public sealed class ResetLinkBody
{
    /// <summary>Gets the token from the link.</summary>
    public string? Token { get; init; }
}
