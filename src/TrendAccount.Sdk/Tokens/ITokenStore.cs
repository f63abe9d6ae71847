namespace TrendAccount.Sdk;

/// <summary>
/// Keeps token records. Implementations are thread-safe, and their conditional writes are atomic
/// across every process that shares the store.
/// </summary>
public interface ITokenStore
{
    /// <summary>Adds a token record.</summary>
    /// <param name="token">The record; its digest is unique.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    Task AddAsync(TokenRecord token, CancellationToken cancellationToken);

    /// <summary>Finds a token record by digest, consumed or not.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    Task<TokenRecord?> FindAsync(string digest, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes a token if, and only if, it is unconsumed and unexpired at <paramref name="now"/> — one
    /// conditional write, so among any number of concurrent callers exactly one succeeds.
    /// </summary>
    /// <param name="digest">The digest.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> for the one caller that consumed it.</returns>
    Task<bool> TryConsumeAsync(string digest, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves the expiry of an active token (sliding sessions); does nothing to a consumed or expired one.</summary>
    /// <param name="digest">The digest.</param>
    /// <param name="expiresAt">The new expiry.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the token was active and now expires at <paramref name="expiresAt"/>.</returns>
    Task<bool> TryExtendAsync(string digest, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Consumes every active token of an account, of one purpose or of all.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="purpose">The purpose, or <see langword="null"/> for every purpose.</param>
    /// <param name="now">The current instant, recorded as the consumption time.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many tokens were revoked.</returns>
    Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken);
}
