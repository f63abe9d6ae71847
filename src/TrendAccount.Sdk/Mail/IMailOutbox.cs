namespace TrendAccount.Sdk;

/// <summary>
/// A durable outbox for account email, kept by the store: the mail is written with the change it reports and
/// delivered later by the outbox delivery service (<c>AddOutboxDelivery()</c>), on whichever node claims it first.
/// Implementations are thread-safe, and every conditional write is decided by the database, so many nodes can share
/// one outbox.
/// </summary>
/// <remarks>
/// A row is waiting, delivered or dead. A claim leases waiting rows to one caller until a time; a lease that runs out
/// (the node died mid-send) makes the row claimable again, and the next delivery carries the same Message-Id.
/// </remarks>
public interface IMailOutbox
{
    /// <summary>
    /// Writes a mail, and with it the token its link carries, in one transaction: both are stored or neither is.
    /// </summary>
    /// <param name="mail">The mail, waiting, with no claim.</param>
    /// <param name="token">The token whose link the mail carries (a reset link, a registration confirmation), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when both are durable.</returns>
    Task AddAsync(OutboxMail mail, TokenRecord? token, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="maximumCount"/> waiting rows that are due and not leased to anyone else, urgent
    /// rows first and then oldest due first, counting one more attempt on each.
    /// </summary>
    /// <param name="claimId">A fresh id for this claim; the returned rows carry it.</param>
    /// <param name="maximumCount">The most rows to lease.</param>
    /// <param name="now">The current time: rows due by then and leases run out by then qualify.</param>
    /// <param name="leaseUntil">When the lease runs out if the claimer never reports back.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The leased rows, urgent first.</returns>
    Task<IReadOnlyList<OutboxMail>> ClaimAsync(Guid claimId, int maximumCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Marks a leased row delivered (and drops its bodies); does nothing when the lease was lost.</summary>
    /// <param name="mail">The claimed row.</param>
    /// <param name="deliveredAt">When the mailer accepted it.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the row was still leased under the claim and is now delivered.</returns>
    Task<bool> MarkDeliveredAsync(OutboxMail mail, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Releases a leased row to be tried again at <paramref name="nextAttemptAt"/>, or marks it dead when <paramref name="nextAttemptAt"/> is <see langword="null"/>.</summary>
    /// <param name="mail">The claimed row.</param>
    /// <param name="nextAttemptAt">When to try again; <see langword="null"/> for a dead letter (never tried again).</param>
    /// <param name="error">Why the attempt failed, for operators (no secrets: the exception's type and message).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the row was still leased under the claim.</returns>
    Task<bool> MarkFailedAsync(OutboxMail mail, DateTimeOffset? nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="maximumCount"/> rows delivered before <paramref name="deliveredBefore"/>, oldest first.</summary>
    /// <param name="deliveredBefore">Rows delivered before this instant go.</param>
    /// <param name="maximumCount">The batch size: the most rows one call deletes.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<int> PurgeDeliveredAsync(DateTimeOffset deliveredBefore, int maximumCount, CancellationToken cancellationToken);

    /// <summary>Counts the waiting rows and finds the oldest.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The backlog.</returns>
    Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken);
}
