namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.ResetPasswordAsync"/>. Immutable.</summary>
public sealed class ResetPasswordResult
{
    internal ResetPasswordResult()
    {
    }

    /// <summary>Gets a value indicating whether the password was changed. The customer is not signed in: the next step is "Sign In".</summary>
    public bool Succeeded => Status == ResetPasswordStatus.Succeeded;

    /// <summary>Gets what happened.</summary>
    public ResetPasswordStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets what was noticed about the new password as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets every password problem found (<see cref="ResetPasswordStatus.InvalidPassword"/>), empty otherwise.</summary>
    public IReadOnlyList<PasswordProblem> PasswordProblems { get; internal init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"PasswordReset {Status}";
}
