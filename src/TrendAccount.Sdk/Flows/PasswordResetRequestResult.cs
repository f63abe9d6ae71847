namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.RequestPasswordResetAsync"/>. Immutable.</summary>
public sealed class PasswordResetRequestResult
{
    /// <summary>Gets a value indicating whether the request was accepted ("check your email"), which says nothing about whether the address has an account.</summary>
    public bool Succeeded => Status == PasswordResetRequestStatus.Accepted;

    /// <summary>Gets what happened, as far as the customer may know.</summary>
    public required PasswordResetRequestStatus Status { get; init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public required string Message { get; init; }

    /// <summary>Gets what was noticed about the address as typed.</summary>
    public InputHints Hints { get; init; }

    /// <summary>Gets why the address is not usable (<see cref="PasswordResetRequestStatus.InvalidEmail"/>), or <see cref="EmailProblem.None"/>.</summary>
    public EmailProblem EmailProblem { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"PasswordResetRequest {Status}";
}
