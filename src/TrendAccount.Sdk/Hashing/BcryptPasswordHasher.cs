using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// bcrypt over a keyed HMAC-SHA384 pre-hash, so no password is truncated at 72 bytes and a leaked
/// hash cannot be "shucked" against unkeyed hash lists. Thread-safe.
/// </summary>
public sealed class BcryptPasswordHasher : IPasswordHasher
{
    /// <summary>Initializes a new instance of the <see cref="BcryptPasswordHasher"/> class.</summary>
    /// <param name="options">The SDK options (<see cref="TrendAccountOptions.Hashing"/>).</param>
    public BcryptPasswordHasher(IOptions<TrendAccountOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.Hashing)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BcryptPasswordHasher"/> class.</summary>
    /// <param name="options">The hashing options.</param>
    public BcryptPasswordHasher(HashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    private HashingOptions Options { get; }

    /// <inheritdoc />
    public string HashPassword(string password) => throw new NotImplementedException();

    /// <inheritdoc />
    public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword) => throw new NotImplementedException();
}
