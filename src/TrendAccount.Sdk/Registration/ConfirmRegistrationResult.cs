namespace TrendAccount.Sdk;

/// <summary>The result of <see cref="IAccountService.ConfirmRegistrationAsync"/>. Immutable.</summary>
public sealed class ConfirmRegistrationResult
{
    internal ConfirmRegistrationResult()
    {
    }

    /// <summary>Gets a value indicating whether the account now exists with the serial linked to it.</summary>
    public bool Succeeded => Status == ConfirmRegistrationStatus.Succeeded;

    /// <summary>Gets what happened.</summary>
    public ConfirmRegistrationStatus Status { get; internal init; }

    /// <summary>Gets the text to show the customer (from <see cref="TrendAccountMessages"/>).</summary>
    public string Message { get; internal init; } = string.Empty;

    /// <summary>Gets the new account, when <see cref="Succeeded"/>.</summary>
    public Guid? AccountId { get; internal init; }

    /// <summary>Gets the canonical serial now registered, when <see cref="Succeeded"/>.</summary>
    public string? Serial { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"ConfirmRegistration {Status}";
}
