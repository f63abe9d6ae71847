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

    /// <summary>
    /// Deletes at most <paramref name="batchSize"/> records whose expiry is before <paramref name="before"/>, consumed
    /// or not, oldest expiry first — one bounded write, so a caller purges a large backlog in many short steps.
    /// </summary>
    /// <param name="before">Records with <see cref="TokenRecord.ExpiresAt"/> strictly before this instant are deleted.</param>
    /// <param name="batchSize">The most records to delete in this call; at least 1.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>
    /// How many records were deleted: fewer than <paramref name="batchSize"/> when no more were due (or another process
    /// purging the same store at the same time took them).
    /// </returns>
    /// <remarks>
    /// A deleted token reads as unknown (<see cref="FindAsync"/> returns <see langword="null"/>), which every flow
    /// already rejects, so purging an expired token never changes an answer. Sessions slide their expiry
    /// (<see cref="TryExtendAsync"/>): a store compares the expiry the record has when it deletes, never an earlier one.
    /// Stores shared by several processes may be purged by all of them at once; each record is deleted once.
    /// </remarks>
    Task<int> PurgeExpiredAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken);
}
