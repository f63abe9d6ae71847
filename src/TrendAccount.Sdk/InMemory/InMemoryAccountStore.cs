namespace TrendAccount.Sdk.InMemory;

/// <summary>
/// The reference <see cref="IAccountStore"/>: accounts and serial registrations in process memory.
/// Thread-safe; every operation is atomic (one lock), so it honours the same contract a shared database does.
/// Suitable for tests, samples and single-process hosts that accept losing data on restart.
/// </summary>
/// <remarks>
/// Every look-up costs what it finds, never what the store holds: accounts by id and lookup key, serials by serial,
/// and an account's serials through an index by account, so the lock is held briefly however many accounts there are.
/// </remarks>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, AccountRecord> _accounts = [];
    private readonly Dictionary<string, Guid> _idsByLookupKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SerialRecord> _serials = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, SortedSet<string>> _serialsByAccount = [];

    /// <summary>Gets the number of accounts stored.</summary>
    public int AccountCount
    {
        get
        {
            lock (_gate)
            {
                return _accounts.Count;
            }
        }
    }

    /// <summary>
    /// Adds a serial the vendor knows of, such as one sold but not yet activated (imported from the order system).
    /// An existing record with the same serial is left alone.
    /// </summary>
    /// <param name="serial">The record; <see cref="SerialRecord.Serial"/> must be canonical.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> when the serial was already known.</returns>
    public bool AddSerial(SerialRecord serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        lock (_gate)
        {
            if (!_serials.TryAdd(serial.Serial, serial))
            {
                return false;
            }

            if (serial.AccountId is { } accountId)
            {
                IndexSerial(accountId, serial.Serial);
            }

            return true;
        }
    }

    /// <inheritdoc />
    public Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_accounts.GetValueOrDefault(accountId));
        }
    }

    /// <inheritdoc />
    public Task<AccountRecord?> FindByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookupKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_idsByLookupKey.TryGetValue(lookupKey, out var id) ? _accounts[id] : null);
        }
    }

    /// <inheritdoc />
    public Task<StoreWriteStatus> CreateWithSerialAsync(AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_accounts.ContainsKey(account.Id) || _idsByLookupKey.ContainsKey(account.LookupKey))
            {
                return Task.FromResult(StoreWriteStatus.DuplicateEmail);
            }

            var status = CheckLinkable(serial, out var record);
            if (status != StoreWriteStatus.Succeeded)
            {
                return Task.FromResult(status);
            }

            _accounts.Add(account.Id, account);
            _idsByLookupKey.Add(account.LookupKey, account.Id);
            _serials[serial] = record! with { AccountId = account.Id, LinkedAt = linkedAt };
            IndexSerial(account.Id, serial);
            return Task.FromResult(StoreWriteStatus.Succeeded);
        }
    }

    /// <inheritdoc />
    public Task<StoreWriteStatus> ChangePasswordAsync(Guid accountId, string expectedSecurityStamp, string newPasswordHash, string newSecurityStamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedSecurityStamp);
        ArgumentNullException.ThrowIfNull(newPasswordHash);
        ArgumentNullException.ThrowIfNull(newSecurityStamp);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var account))
            {
                return Task.FromResult(StoreWriteStatus.NotFound);
            }

            if (!string.Equals(account.SecurityStamp, expectedSecurityStamp, StringComparison.Ordinal))
            {
                return Task.FromResult(StoreWriteStatus.Conflict);
            }

            _accounts[accountId] = account with
            {
                PasswordHash = newPasswordHash,
                SecurityStamp = newSecurityStamp,
                FailedSignInCount = 0,
                LockoutEnd = null,
            };
            return Task.FromResult(StoreWriteStatus.Succeeded);
        }
    }

    /// <inheritdoc />
    public Task<StoreWriteStatus> UpgradePasswordHashAsync(Guid accountId, string expectedPasswordHash, string newPasswordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedPasswordHash);
        ArgumentNullException.ThrowIfNull(newPasswordHash);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var account))
            {
                return Task.FromResult(StoreWriteStatus.NotFound);
            }

            if (!string.Equals(account.PasswordHash, expectedPasswordHash, StringComparison.Ordinal))
            {
                return Task.FromResult(StoreWriteStatus.Conflict);
            }

            _accounts[accountId] = account with { PasswordHash = newPasswordHash };
            return Task.FromResult(StoreWriteStatus.Succeeded);
        }
    }

    /// <inheritdoc />
    public Task<FailedSignInOutcome> RecordFailedSignInAsync(Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumFailedAttempts, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_accounts.TryGetValue(accountId, out var account))
            {
                return Task.FromResult(new FailedSignInOutcome(FailedSignInStatus.NotFound, 0, null));
            }

            if (account.IsLockedOutAt(now))
            {
                return Task.FromResult(new FailedSignInOutcome(FailedSignInStatus.AlreadyLockedOut, account.FailedSignInCount, account.LockoutEnd));
            }

            var count = account.FailedSignInCount + 1;
            if (count >= maximumFailedAttempts)
            {
                _accounts[accountId] = account with { FailedSignInCount = 0, LockoutEnd = lockoutEnd };
                return Task.FromResult(new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, lockoutEnd));
            }

            _accounts[accountId] = account with { FailedSignInCount = count };
            return Task.FromResult(new FailedSignInOutcome(FailedSignInStatus.Counted, count, null));
        }
    }

    /// <inheritdoc />
    public Task ResetFailedSignInsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_accounts.TryGetValue(accountId, out var account) && (account.FailedSignInCount != 0 || account.LockoutEnd is not null))
            {
                _accounts[accountId] = account with { FailedSignInCount = 0, LockoutEnd = null };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SerialRecord?> FindSerialAsync(string serial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_serials.GetValueOrDefault(serial));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SerialRecord>> FindSerialsByAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_serialsByAccount.TryGetValue(accountId, out var serials))
            {
                return Task.FromResult<IReadOnlyList<SerialRecord>>([]);
            }

            // The set is ordered by serial (ordinal), the order the port promises.
            var found = new SerialRecord[serials.Count];
            var i = 0;
            foreach (var serial in serials)
            {
                found[i++] = _serials[serial];
            }

            return Task.FromResult<IReadOnlyList<SerialRecord>>(found);
        }
    }

    /// <inheritdoc />
    public Task<SerialRecord> RecordActivationAsync(string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var record = _serials.TryGetValue(serial, out var existing)
                ? existing with { Channel = channel, ProductCode = productCode ?? existing.ProductCode, ActivatedAt = activatedAt }
                : new SerialRecord { Serial = serial, Channel = channel, ProductCode = productCode, ActivatedAt = activatedAt };
            _serials[serial] = record;
            return Task.FromResult(record);
        }
    }

    /// <inheritdoc />
    public Task<StoreWriteStatus> LinkSerialAsync(string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_accounts.ContainsKey(accountId))
            {
                return Task.FromResult(StoreWriteStatus.NotFound);
            }

            var status = CheckLinkable(serial, out var record);
            if (status == StoreWriteStatus.Succeeded)
            {
                _serials[serial] = record! with { AccountId = accountId, LinkedAt = linkedAt };
                IndexSerial(accountId, serial);
            }

            return Task.FromResult(status);
        }
    }

    // Serials are only ever linked, never unlinked or moved, so the index only grows with links.
    private void IndexSerial(Guid accountId, string serial)
    {
        if (!_serialsByAccount.TryGetValue(accountId, out var serials))
        {
            serials = new SortedSet<string>(StringComparer.Ordinal);
            _serialsByAccount.Add(accountId, serials);
        }

        serials.Add(serial);
    }

    private StoreWriteStatus CheckLinkable(string serial, out SerialRecord? record)
    {
        if (!_serials.TryGetValue(serial, out record))
        {
            return StoreWriteStatus.NotFound;
        }

        if (!record.IsActivated)
        {
            return StoreWriteStatus.SerialNotActivated;
        }

        return record.AccountId is null ? StoreWriteStatus.Succeeded : StoreWriteStatus.SerialAlreadyLinked;
    }
}
