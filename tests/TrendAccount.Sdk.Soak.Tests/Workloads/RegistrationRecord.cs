namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>One registration the workload made, and what became of it.</summary>
public sealed class RegistrationRecord(string serial, string email, string password)
{
    public string Serial { get; } = serial;

    public string Email { get; } = email;

    public string Password { get; } = password;

    /// <summary>Gets or sets the account the confirmation created, once it has.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>Gets or sets the token of the confirmation link.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets what a second use of the link answered (for every third registration), or <see langword="null"/>.</summary>
    public ConfirmRegistrationStatus? Replay { get; set; }
}
