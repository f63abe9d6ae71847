namespace TrendAccount.Sdk;

/// <summary>Token lifetimes (<see cref="TrendAccountOptions.Tokens"/>).</summary>
public sealed class TokenOptions
{
    /// <summary>The default lifetime of a password-reset link: 30 minutes.</summary>
    public static readonly TimeSpan DefaultPasswordResetLifetime = TimeSpan.FromMinutes(30);

    /// <summary>The longest lifetime a password-reset link may have: 24 hours.</summary>
    public static readonly TimeSpan MaximumPasswordResetLifetime = TimeSpan.FromHours(24);

    /// <summary>The default lifetime of a registration-confirmation link: 1 hour.</summary>
    public static readonly TimeSpan DefaultRegistrationConfirmationLifetime = TimeSpan.FromHours(1);

    /// <summary>The default idle timeout of a session: 30 minutes.</summary>
    public static readonly TimeSpan DefaultSessionIdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The default absolute lifetime of a session: 12 hours.</summary>
    public static readonly TimeSpan DefaultSessionAbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>Gets or sets how long a password-reset link works.</summary>
    /// <value>Defaults to <see cref="DefaultPasswordResetLifetime"/> (30 minutes); at most 24 hours.</value>
    public TimeSpan PasswordResetLifetime { get; set; } = DefaultPasswordResetLifetime;

    /// <summary>Gets or sets how long a registration-confirmation link works; the account exists only once it is used.</summary>
    /// <value>Defaults to <see cref="DefaultRegistrationConfirmationLifetime"/> (1 hour); at most 24 hours.</value>
    public TimeSpan RegistrationConfirmationLifetime { get; set; } = DefaultRegistrationConfirmationLifetime;

    /// <summary>Gets or sets how long a session lives without use (sliding).</summary>
    /// <value>Defaults to <see cref="DefaultSessionIdleTimeout"/> (30 minutes).</value>
    public TimeSpan SessionIdleTimeout { get; set; } = DefaultSessionIdleTimeout;

    /// <summary>Gets or sets how long a session lives at most, however active.</summary>
    /// <value>Defaults to <see cref="DefaultSessionAbsoluteLifetime"/> (12 hours).</value>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = DefaultSessionAbsoluteLifetime;

    internal void Validate(ICollection<string> failures)
    {
        if (PasswordResetLifetime <= TimeSpan.Zero || PasswordResetLifetime > MaximumPasswordResetLifetime)
        {
            failures.Add($"TrendAccount:Tokens:PasswordResetLifetime ({PasswordResetLifetime}) must be positive and at most 24 hours.");
        }

        if (RegistrationConfirmationLifetime <= TimeSpan.Zero || RegistrationConfirmationLifetime > MaximumPasswordResetLifetime)
        {
            failures.Add($"TrendAccount:Tokens:RegistrationConfirmationLifetime ({RegistrationConfirmationLifetime}) must be positive and at most 24 hours.");
        }

        if (SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"TrendAccount:Tokens:SessionIdleTimeout ({SessionIdleTimeout}) must be positive.");
        }

        if (SessionAbsoluteLifetime < SessionIdleTimeout)
        {
            failures.Add($"TrendAccount:Tokens:SessionAbsoluteLifetime ({SessionAbsoluteLifetime}) must be at least SessionIdleTimeout ({SessionIdleTimeout}).");
        }
    }
}
