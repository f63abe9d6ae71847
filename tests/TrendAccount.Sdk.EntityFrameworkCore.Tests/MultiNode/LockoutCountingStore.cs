namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.MultiNode;

/// <summary>Counts lockouts across nodes.</summary>
public sealed class LockoutCounter
{
    private int _lockouts;

    public int Count => Volatile.Read(ref _lockouts);

    public void Add() => Interlocked.Increment(ref _lockouts);
}

/// <summary>An <see cref="IAccountStore"/> that passes every call through and counts the <see cref="FailedSignInStatus.LockedOut"/> outcomes.</summary>
public sealed class LockoutCountingStore(IAccountStore inner, LockoutCounter lockouts) : IAccountStore
{
    public async Task<FailedSignInOutcome> RecordFailedSignInAsync(Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var outcome = await inner.RecordFailedSignInAsync(accountId, maximumFailedAttempts, lockoutEnd, now, cancellationToken);
        if (outcome.Status == FailedSignInStatus.LockedOut)
        {
            lockouts.Add();
        }

        return outcome;
    }

    public Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken = default) => inner.FindByIdAsync(accountId, cancellationToken);

    public Task<AccountRecord?> FindByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken = default) => inner.FindByLookupKeyAsync(lookupKey, cancellationToken);

    public Task<StoreWriteStatus> CreateWithSerialAsync(AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken = default) => inner.CreateWithSerialAsync(account, serial, linkedAt, cancellationToken);

    public Task<StoreWriteStatus> ChangePasswordAsync(Guid accountId, string expectedSecurityStamp, string newPasswordHash, string newSecurityStamp, CancellationToken cancellationToken = default) => inner.ChangePasswordAsync(accountId, expectedSecurityStamp, newPasswordHash, newSecurityStamp, cancellationToken);

    public Task<StoreWriteStatus> UpgradePasswordHashAsync(Guid accountId, string expectedPasswordHash, string newPasswordHash, CancellationToken cancellationToken = default) => inner.UpgradePasswordHashAsync(accountId, expectedPasswordHash, newPasswordHash, cancellationToken);

    public Task ResetFailedSignInsAsync(Guid accountId, CancellationToken cancellationToken = default) => inner.ResetFailedSignInsAsync(accountId, cancellationToken);

    public Task<SerialRecord?> FindSerialAsync(string serial, CancellationToken cancellationToken = default) => inner.FindSerialAsync(serial, cancellationToken);

    public Task<IReadOnlyList<SerialRecord>> FindSerialsByAccountAsync(Guid accountId, CancellationToken cancellationToken = default) => inner.FindSerialsByAccountAsync(accountId, cancellationToken);

    public Task<SerialRecord> RecordActivationAsync(string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken = default) => inner.RecordActivationAsync(serial, channel, productCode, activatedAt, cancellationToken);

    public Task<StoreWriteStatus> LinkSerialAsync(string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken = default) => inner.LinkSerialAsync(serial, accountId, linkedAt, cancellationToken);
}
