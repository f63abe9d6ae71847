namespace TrendAccount.Sdk;

/// <summary>
/// Keeps accounts and serial registrations. Implementations are thread-safe; every write is one atomic
/// operation (across processes for shared stores) that either applies completely or reports why not
/// and changes nothing.
/// </summary>
public interface IAccountStore
{
    /// <summary>Finds an account by id.</summary>
    /// <param name="accountId">The id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Finds an account by its email lookup key.</summary>
    /// <param name="lookupKey">The key (<see cref="EmailNormalization.LookupKey"/>).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<AccountRecord?> FindByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an account and links an activated, unlinked serial to it, as one operation.
    /// </summary>
    /// <param name="account">The new account.</param>
    /// <param name="serial">The canonical serial to link.</param>
    /// <param name="linkedAt">The link time.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>
    /// <see cref="StoreWriteStatus.Succeeded"/>, or <see cref="StoreWriteStatus.DuplicateEmail"/>,
    /// <see cref="StoreWriteStatus.NotFound"/> (no such serial), <see cref="StoreWriteStatus.SerialNotActivated"/> or
    /// <see cref="StoreWriteStatus.SerialAlreadyLinked"/> with nothing written.
    /// </returns>
    Task<StoreWriteStatus> CreateWithSerialAsync(AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the password hash and security stamp if the stamp is still <paramref name="expectedSecurityStamp"/>,
    /// and clears the failure count and lockout, as one conditional write.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="expectedSecurityStamp">The stamp read before; the write fails if it changed.</param>
    /// <param name="newPasswordHash">The new hash.</param>
    /// <param name="newSecurityStamp">The new stamp.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see cref="StoreWriteStatus.Succeeded"/>, <see cref="StoreWriteStatus.Conflict"/> or <see cref="StoreWriteStatus.NotFound"/>.</returns>
    Task<StoreWriteStatus> ChangePasswordAsync(Guid accountId, string expectedSecurityStamp, string newPasswordHash, string newSecurityStamp, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a password hash with an upgraded hash of the same password (after <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>)
    /// if the hash is still <paramref name="expectedPasswordHash"/>. The security stamp does not change.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="expectedPasswordHash">The hash that was verified.</param>
    /// <param name="newPasswordHash">The upgraded hash.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see cref="StoreWriteStatus.Succeeded"/>, <see cref="StoreWriteStatus.Conflict"/> or <see cref="StoreWriteStatus.NotFound"/>.</returns>
    Task<StoreWriteStatus> UpgradePasswordHashAsync(Guid accountId, string expectedPasswordHash, string newPasswordHash, CancellationToken cancellationToken);

    /// <summary>
    /// Records one failed sign-in as one atomic operation: nothing is counted while the account is locked at
    /// <paramref name="now"/>; otherwise the count grows by one, and when it reaches <paramref name="maximumFailedAttempts"/>
    /// the account is locked until <paramref name="lockoutEnd"/> and the count is reset to zero.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <param name="maximumFailedAttempts">The threshold, at least 1.</param>
    /// <param name="lockoutEnd">When a lockout started by this call ends.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened; <see cref="FailedSignInStatus.LockedOut"/> is seen by exactly one caller per lockout.</returns>
    Task<FailedSignInOutcome> RecordFailedSignInAsync(Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Resets the failure count and clears an expired lockout after a successful sign-in.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when written.</returns>
    Task ResetFailedSignInsAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Finds a serial registration.</summary>
    /// <param name="serial">The canonical serial.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    Task<SerialRecord?> FindSerialAsync(string serial, CancellationToken cancellationToken);

    /// <summary>Finds the serials linked to an account.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The linked serials, possibly none.</returns>
    Task<IReadOnlyList<SerialRecord>> FindSerialsByAccountAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a serial was installed and activated: creates the record, or updates the product code and
    /// activation time of an existing one. A link to an account is never changed by this call.
    /// </summary>
    /// <param name="serial">The canonical serial.</param>
    /// <param name="channel">The serial's purchase channel.</param>
    /// <param name="productCode">The product code, if reported.</param>
    /// <param name="activatedAt">The activation time.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The stored record after the write.</returns>
    Task<SerialRecord> RecordActivationAsync(string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken);

    /// <summary>Links an activated, unlinked serial to an existing account, as one conditional write.</summary>
    /// <param name="serial">The canonical serial.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="linkedAt">The link time.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>
    /// <see cref="StoreWriteStatus.Succeeded"/>, or <see cref="StoreWriteStatus.NotFound"/> (serial or account),
    /// <see cref="StoreWriteStatus.SerialNotActivated"/> or <see cref="StoreWriteStatus.SerialAlreadyLinked"/>.
    /// </returns>
    Task<StoreWriteStatus> LinkSerialAsync(string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken);
}
