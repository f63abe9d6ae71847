using System.Globalization;
using System.Text;

namespace TrendAccount.Sdk;

/// <summary>
/// A stored token: only its digest, never the token itself. Immutable; stores return copies.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> prints neither the digest (the key a stolen log would look tokens up by) nor the
/// security stamp.
/// </remarks>
public sealed record TokenRecord
{
    /// <summary>The length of <see cref="Digest"/>: a SHA-256 digest as lower-case hex (64 characters). Stores size their key column by it.</summary>
    public const int DigestLength = 64;

    /// <summary>The longest <see cref="Payload"/> a store must keep: 2,048 characters. Stores size their column by it.</summary>
    public const int MaximumPayloadLength = 2048;

    /// <summary>Gets the SHA-256 digest of the token as lower-case hex (<see cref="SecureTokens.DigestLength"/> characters).</summary>
    public required string Digest { get; init; }

    /// <summary>Gets the account the token belongs to.</summary>
    public required Guid AccountId { get; init; }

    /// <summary>Gets what the token may be used for.</summary>
    public required TokenPurpose Purpose { get; init; }

    /// <summary>Gets the account's security stamp when the token was issued; a token whose stamp no longer matches is dead.</summary>
    public required string SecurityStamp { get; init; }

    /// <summary>Gets when the token was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets when the token stops working (for sessions, the sliding idle expiry).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// Gets data the SDK keeps with the token until it is used, opaque to stores, at most
    /// <see cref="MaximumPayloadLength"/> characters; <see langword="null"/> for most purposes. A
    /// <see cref="TokenPurpose.RegistrationConfirmation"/> token carries the pending registration here (address,
    /// password hash, serial): the account is created from it only when the link is used.
    /// </summary>
    /// <remarks>Stores keep it verbatim and return it with the record; never log it (it can hold a password hash).</remarks>
    public string? Payload { get; init; }

    /// <summary>Gets when the token was consumed or revoked; <see langword="null"/> while unused.</summary>
    public DateTimeOffset? ConsumedAt { get; init; }

    /// <summary>Tells whether the token is still usable at a given instant (not consumed, not expired).</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> when <see cref="ConsumedAt"/> is unset and <paramref name="now"/> is before <see cref="ExpiresAt"/>.</returns>
    public bool IsActiveAt(DateTimeOffset now) => ConsumedAt is null && now < ExpiresAt;

    // The compiler-generated ToString prints every property; this leaves out the digest and the stamp.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Digest = ***, AccountId = {AccountId}, Purpose = {Purpose}, SecurityStamp = ***, ");
        builder.Append(CultureInfo.InvariantCulture, $"IssuedAt = {IssuedAt}, ExpiresAt = {ExpiresAt}, ConsumedAt = {ConsumedAt}");
        return true;
    }
}
