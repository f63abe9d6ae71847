namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.ResetPasswordAsync"/>. Immutable.</summary>
public sealed class PasswordResetResult
{
    /// <summary>Gets a value indicating whether the password was changed. The customer is not signed in: the next step is "Sign In".</summary>
    public bool Succeeded => Status == PasswordResetStatus.Succeeded;

    /// <summary>Gets what happened.</summary>
    public required PasswordResetStatus Status { get; init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public required string Message { get; init; }

    /// <summary>Gets what was noticed about the new password as typed.</summary>
    public InputHints Hints { get; init; }

    /// <summary>Gets every password problem found (<see cref="PasswordResetStatus.InvalidPassword"/>), empty otherwise.</summary>
    public IReadOnlyList<PasswordProblem> PasswordProblems { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"PasswordReset {Status}";
}
