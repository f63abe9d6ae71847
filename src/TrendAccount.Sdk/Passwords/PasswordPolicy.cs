using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Decides whether a new password may be used: 8–50 characters by default, counted in Unicode scalar
/// values after NFKC, no composition rules (NIST SP 800-63B). Thread-safe.
/// </summary>
public sealed class PasswordPolicy
{
    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class with the default options and the built-in blocklist.</summary>
    public PasswordPolicy()
        : this(new PasswordOptions(), null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class with the built-in blocklist.</summary>
    /// <param name="options">The SDK options.</param>
    public PasswordPolicy(IOptions<TrendAccountOptions> options)
        : this(options, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class.</summary>
    /// <param name="options">The SDK options.</param>
    /// <param name="blocklist">The blocklist; the built-in one when <see langword="null"/>.</param>
    public PasswordPolicy(IOptions<TrendAccountOptions> options, IPasswordBlocklist? blocklist)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.Password, blocklist)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordPolicy"/> class.</summary>
    /// <param name="options">The password options.</param>
    /// <param name="blocklist">The blocklist; the built-in one when <see langword="null"/>.</param>
    public PasswordPolicy(PasswordOptions options, IPasswordBlocklist? blocklist)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Blocklist = blocklist;
    }

    private PasswordOptions Options { get; }

    private IPasswordBlocklist? Blocklist { get; }

    /// <summary>Validates a new password. Never throws for any string.</summary>
    /// <param name="password">The new password as typed.</param>
    /// <param name="confirmation">The confirmation as typed; not compared when <see langword="null"/>.</param>
    /// <param name="context">Account details the password must not repeat.</param>
    /// <returns>Every problem found.</returns>
    public PasswordValidation Validate(string? password, string? confirmation = null, PasswordContext? context = null) => throw new NotImplementedException();
}
