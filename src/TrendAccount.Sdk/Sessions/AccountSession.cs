namespace TrendAccount.Sdk;

/// <summary>A valid signed-in session, as <see cref="IAccountService.ValidateSessionAsync"/> returns it. Immutable.</summary>
public sealed class AccountSession
{
    internal AccountSession()
    {
    }

    /// <summary>Gets the account.</summary>
    public Guid AccountId { get; internal init; }

    /// <summary>Gets the account's email address.</summary>
    public string Email { get; internal init; } = string.Empty;

    /// <summary>Gets when the session was issued (by sign-in).</summary>
    public DateTimeOffset IssuedAt { get; internal init; }

    /// <summary>Gets when the session expires if unused from now on (sliding idle expiry).</summary>
    public DateTimeOffset ExpiresAt { get; internal init; }

    /// <summary>Gets when the session ends however active it is (<see cref="TokenOptions.SessionAbsoluteLifetime"/> after issue).</summary>
    public DateTimeOffset AbsoluteExpiresAt { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"AccountSession({AccountId})";
}
