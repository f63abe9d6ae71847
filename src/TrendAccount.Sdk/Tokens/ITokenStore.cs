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
    /// Consumes every active token of an account and purpose except the newest one — one atomic write (one statement,
    /// or one hold of the store's lock), so the account is left with exactly one active token of that purpose whenever
    /// it had any.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="now">The current instant: tokens unconsumed and unexpired at it are active; it is recorded as the consumption time.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many tokens were revoked.</returns>
    /// <remarks>
    /// <para>
    /// The newest is the active token with the latest <see cref="TokenRecord.IssuedAt"/>; among tokens issued at the
    /// same instant (as the store keeps it), the one whose <see cref="TokenRecord.Digest"/> sorts last in ordinal order
    /// (digests are lower-case hexadecimal of one length, which every common collation orders the same way). The order
    /// is total and the same on every node, so concurrent calls never disagree about which token to keep.
    /// </para>
    /// <para>
    /// This is how "a new reset link makes every older one stop working" holds across nodes: each issuer stores its
    /// token, then calls this. Whatever the interleaving, the last call starts after every token was stored, so exactly
    /// one survives — the newest. Revoking first and then issuing (two writes) lets two nodes each revoke before
    /// either stores, and both links stay alive. The call is idempotent: repeating it revokes nothing more.
    /// </para>
    /// <para>
    /// Stores that share one database across processes must make the choice of the newest and the revocation one
    /// statement (for example <c>UPDATE … WHERE … AND digest NOT IN (SELECT digest … ORDER BY issued_at DESC, digest
    /// DESC LIMIT 1)</c>); a read followed by a write would reopen the race.
    /// </para>
    /// </remarks>
    Task<int> RevokeAllButNewestAsync(Guid accountId, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

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
