namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.RequestPasswordResetAsync"/>. Immutable.</summary>
public sealed class ForgotPasswordResult
{
    internal ForgotPasswordResult()
    {
    }

    /// <summary>Gets a value indicating whether the request was accepted ("check your email"), which says nothing about whether the address has an account.</summary>
    public bool Succeeded => Status == ForgotPasswordStatus.Accepted;

    /// <summary>Gets what happened, as far as the customer may know.</summary>
    public ForgotPasswordStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets what was noticed about the address as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets why the address is not usable (<see cref="ForgotPasswordStatus.InvalidEmail"/>), or <see cref="EmailProblem.None"/>.</summary>
    public EmailProblem EmailProblem { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"ForgotPasswordRequest {Status}";
}
