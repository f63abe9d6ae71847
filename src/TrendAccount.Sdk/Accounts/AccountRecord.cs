using System.Globalization;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>A stored vendor account. Immutable; stores return snapshots.</summary>
/// <remarks>
/// <see cref="object.ToString"/> prints the id, the counters and the dates, never the password hash, the security
/// stamp, the address or the lookup key, so a record that reaches a log, an exception message or a debugger display
/// gives away no secret and no personal data.
/// </remarks>
public sealed record AccountRecord
{
    /// <summary>Gets the account id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the canonical email address (<see cref="EmailNormalization.Email"/>).</summary>
    public required string Email { get; init; }

    /// <summary>Gets the unique lookup key (<see cref="EmailNormalization.LookupKey"/>).</summary>
    public required string LookupKey { get; init; }

    /// <summary>Gets the password hash (<see cref="IPasswordHasher"/>).</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Gets the security stamp: a random value replaced whenever the credentials change, which kills every token and session issued before.</summary>
    public required string SecurityStamp { get; init; }

    /// <summary>Gets the number of failed sign-ins since the last success or lockout.</summary>
    public int FailedSignInCount { get; init; }

    /// <summary>Gets the end of the current lockout, if any.</summary>
    public DateTimeOffset? LockoutEnd { get; init; }

    /// <summary>Gets when the account was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Tells whether the account is locked out at a given instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="LockoutEnd"/> is after <paramref name="now"/>.</returns>
    public bool IsLockedOutAt(DateTimeOffset now) => LockoutEnd is { } end && end > now;

    /// <summary>Creates a new random security stamp.</summary>
    /// <returns>32 hex characters from a cryptographic random source.</returns>
    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    // The compiler-generated ToString prints every property; this prints none of the secrets (hash, stamp) and no
    // personal data (address, lookup key).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, Email = ***, LookupKey = ***, PasswordHash = ***, SecurityStamp = ***, ");
        builder.Append(CultureInfo.InvariantCulture, $"FailedSignInCount = {FailedSignInCount}, LockoutEnd = {LockoutEnd}, CreatedAt = {CreatedAt}");
        return true;
    }
}
