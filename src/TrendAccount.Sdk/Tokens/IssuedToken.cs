namespace TrendAccount.Sdk;

/// <summary>
/// A freshly issued opaque token and its digest. Hand <see cref="Token"/> to the customer (in a link or a
/// cookie); keep only <see cref="Digest"/>. <see cref="ToString"/> never reveals the token.
/// </summary>
internal readonly struct IssuedToken : IEquatable<IssuedToken>
{
    /// <summary>Initializes a new instance of the <see cref="IssuedToken"/> struct.</summary>
    /// <param name="token">The opaque token.</param>
    /// <param name="digest">Its SHA-256 digest as lower-case hex.</param>
    public IssuedToken(string token, string digest)
    {
        Token = token;
        Digest = digest;
    }

    /// <summary>Gets the opaque token: 32 random bytes, base64url without padding (43 characters).</summary>
    public string Token { get; }

    /// <summary>Gets the SHA-256 digest of the token as 64 lower-case hex characters: all a store may keep.</summary>
    public string Digest { get; }

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(IssuedToken left, IssuedToken right) => left.Equals(right);

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(IssuedToken left, IssuedToken right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(IssuedToken other) => string.Equals(Digest, other.Digest, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IssuedToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Digest is null ? 0 : StringComparer.Ordinal.GetHashCode(Digest);

    /// <inheritdoc />
    public override string ToString() => "IssuedToken(***)";
}
