namespace TrendAccount.Sdk;

/// <summary>A valid signed-in session, as <see cref="IAccountService.ValidateSessionAsync"/> returns it. Immutable.</summary>
public sealed class AccountSession
{
    /// <summary>Gets the account.</summary>
    public required Guid AccountId { get; init; }

    /// <summary>Gets the account's email address.</summary>
    public required string Email { get; init; }

    /// <summary>Gets when the session was issued (by sign-in).</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets when the session expires if unused from now on (sliding idle expiry).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets when the session ends however active it is (<see cref="TokenOptions.SessionAbsoluteLifetime"/> after issue).</summary>
    public required DateTimeOffset AbsoluteExpiresAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"AccountSession({AccountId})";
}
