namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.RegisterAsync"/>. Immutable.</summary>
public sealed class RegistrationResult
{
    internal RegistrationResult()
    {
    }

    /// <summary>Gets a value indicating whether the request was accepted ("check your email"); the account exists only once confirmed.</summary>
    public bool Succeeded => Status == RegistrationStatus.Accepted;

    /// <summary>Gets what happened.</summary>
    public RegistrationStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>); every problem found, one sentence each.</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets what was noticed about the serial, email and password as typed.</summary>
    public InputHints Hints { get; internal init; }

    /// <summary>Gets why the serial is not well formed, or <see cref="SerialProblem.None"/>.</summary>
    public SerialProblem SerialProblem { get; internal init; }

    /// <summary>Gets why the email address is not usable, or <see cref="EmailProblem.None"/>.</summary>
    public EmailProblem EmailProblem { get; internal init; }

    /// <summary>Gets every password problem found (all of them at once), empty when none.</summary>
    public IReadOnlyList<PasswordProblem> PasswordProblems { get; internal init; } = [];

    /// <summary>Gets whom a reseller customer contacts instead (<see cref="RegistrationStatus.ResellerSerial"/>).</summary>
    public string? ResellerContact { get; internal init; }

    /// <summary>Gets the canonical serial, when well formed.</summary>
    public string? Serial { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"Registration {Status}";
}
