namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.ChangePasswordAsync"/>. Immutable; <see cref="ToString"/> never reveals the token.</summary>
public sealed class ChangePasswordResult
{
    internal ChangePasswordResult()
    {
    }

    /// <summary>Gets a value indicating whether the password was changed.</summary>
    public bool Succeeded => Status == ChangePasswordStatus.Succeeded;

    /// <summary>Gets what happened.</summary>
    public ChangePasswordStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets what was noticed about the new password as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets every password problem found (<see cref="ChangePasswordStatus.InvalidPassword"/>), empty otherwise.</summary>
    public IReadOnlyList<PasswordProblem> PasswordProblems { get; internal init; } = [];

    /// <summary>
    /// Gets the caller's new session token when <see cref="Succeeded"/>: changing the password rotates the security
    /// stamp, which ends every session including the old one; this replacement keeps the old session's absolute limit.
    /// </summary>
    public string? SessionToken { get; internal init; }

    /// <summary>Gets when the new session expires if unused.</summary>
    public DateTimeOffset? ExpiresAt { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"ChangePassword {Status}";
}
