namespace TrendAccount.Sdk.AspNetCore;

/// <summary>The answer of <c>GET {prefix}/session</c>: who is signed in and until when.</summary>
public sealed class SessionResponse
{
    /// <summary>Gets the account id.</summary>
    public Guid AccountId { get; init; }

    /// <summary>Gets the account's email address.</summary>
    public required string Email { get; init; }

    /// <summary>Gets when the session ends if unused from now on.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the session ends however active it is.</summary>
    public DateTimeOffset? AbsoluteExpiresAt { get; init; }
}
