namespace TrendAccount.Sdk;

/// <summary>Lockout after repeated failed sign-ins (<see cref="TrendAccountOptions.Lockout"/>).</summary>
public sealed class LockoutOptions
{
    /// <summary>The default number of failures that lock an account: 5.</summary>
    public const int DefaultMaximumFailedAttempts = 5;

    /// <summary>The default lockout duration: 15 minutes.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets a value indicating whether accounts are locked after repeated failures.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the number of consecutive failures that lock an account.</summary>
    /// <value>Defaults to <see cref="DefaultMaximumFailedAttempts"/> (5).</value>
    public int MaximumFailedAttempts { get; set; } = DefaultMaximumFailedAttempts;

    /// <summary>Gets or sets how long a lockout lasts.</summary>
    /// <value>Defaults to <see cref="DefaultDuration"/> (15 minutes).</value>
    public TimeSpan Duration { get; set; } = DefaultDuration;

    internal void Validate(ICollection<string> failures)
    {
        if (MaximumFailedAttempts is < 1 or > 1000)
        {
            failures.Add($"TrendAccount:Lockout:MaximumFailedAttempts ({MaximumFailedAttempts}) must be between 1 and 1000.");
        }

        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromDays(1))
        {
            failures.Add($"TrendAccount:Lockout:Duration ({Duration}) must be positive and at most one day.");
        }
    }
}
