namespace TrendAccount.Sdk.InMemory;

/// <summary>
/// The reference <see cref="ITokenStore"/>: token records (digests only) in process memory. Thread-safe;
/// <see cref="TryConsumeAsync"/> succeeds for exactly one of any number of concurrent callers.
/// Expired records are deleted by <see cref="PurgeExpiredAsync"/> (run by the retention service, <c>AddRetention</c>).
/// </summary>
/// <remarks>
/// <para>
/// Every operation costs what it touches, never what the store holds, so the one lock is held briefly however many
/// tokens there are: records are found by digest; the unconsumed records of each account are indexed by account, so
/// <see cref="RevokeAllAsync"/> visits only that account's; and expiries are kept in a min-heap, so
/// <see cref="PurgeExpiredAsync"/> visits only the records it deletes (plus sessions that slid since they were queued).
/// </para>
/// <para>
/// The heap is lazy: a session that slides its expiry later stays queued at its old expiry; when it comes up, it is
/// queued again at its current one (one step per slide that happened, never per validation checked). An expiry moved
/// earlier is queued at once, and the old entry is recognised as stale when it comes up.
/// </para>
/// </remarks>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<Entry>> _unconsumedByAccount = [];
    private readonly PriorityQueue<Entry, DateTimeOffset> _expiries = new();

    /// <summary>Gets the number of records held, consumed or not.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tokens.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task AddAsync(TokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var entry = new Entry(token);
            if (!_tokens.TryAdd(token.Digest, entry))
            {
                throw new InvalidOperationException("A token with this digest is already stored.");
            }

            _expiries.Enqueue(entry, entry.QueuedAt);
            if (token.ConsumedAt is null)
            {
                AccountIndex(token.AccountId).Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TokenRecord?> FindAsync(string digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_tokens.TryGetValue(digest, out var entry) ? entry.Record : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryConsumeAsync(string digest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_tokens.TryGetValue(digest, out var entry) || !entry.Record.IsActiveAt(now))
            {
                return Task.FromResult(false);
            }

            Consume(entry, now);
            RemoveFromAccountIndex(entry);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryExtendAsync(string digest, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_tokens.TryGetValue(digest, out var entry) || !entry.Record.IsActiveAt(now))
            {
                return Task.FromResult(false);
            }

            entry.Record = entry.Record with { ExpiresAt = expiresAt };
            if (expiresAt < entry.QueuedAt)
            {
                // Moved earlier: queue it now; the later entry is stale from here on (QueuedAt no longer matches it).
                entry.QueuedAt = expiresAt;
                _expiries.Enqueue(entry, expiresAt);
            }

            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_unconsumedByAccount.TryGetValue(accountId, out var unconsumed))
            {
                return Task.FromResult(0);
            }

            var revoked = 0;
            unconsumed.RemoveWhere(entry =>
            {
                if ((purpose is not null && entry.Record.Purpose != purpose) || !entry.Record.IsActiveAt(now))
                {
                    return false;
                }

                Consume(entry, now);
                revoked++;
                return true;
            });
            if (unconsumed.Count == 0)
            {
                _unconsumedByAccount.Remove(accountId);
            }

            return Task.FromResult(revoked);
        }
    }

    /// <inheritdoc />
    /// <remarks>One hold of the store's lock; visits only the account's unconsumed tokens (the per-account index).</remarks>
    public Task<int> RevokeAllButNewestAsync(Guid accountId, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_unconsumedByAccount.TryGetValue(accountId, out var unconsumed))
            {
                return Task.FromResult(0);
            }

            Entry? newest = null;
            foreach (var entry in unconsumed)
            {
                if (entry.Record.Purpose == purpose && entry.Record.IsActiveAt(now) && (newest is null || IsNewer(entry.Record, newest.Record)))
                {
                    newest = entry;
                }
            }

            var revoked = 0;
            unconsumed.RemoveWhere(entry =>
            {
                if (ReferenceEquals(entry, newest) || entry.Record.Purpose != purpose || !entry.Record.IsActiveAt(now))
                {
                    return false;
                }

                Consume(entry, now);
                revoked++;
                return true;
            });
            if (unconsumed.Count == 0)
            {
                _unconsumedByAccount.Remove(accountId);
            }

            return Task.FromResult(revoked);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeExpiredAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var purged = 0;
            while (purged < batchSize && _expiries.TryPeek(out var entry, out var queuedAt) && queuedAt < before)
            {
                _expiries.Dequeue();
                if (entry.QueuedAt != queuedAt || !_tokens.TryGetValue(entry.Record.Digest, out var current) || !ReferenceEquals(current, entry))
                {
                    continue; // A stale entry: the expiry moved earlier and was queued again, or the record is gone.
                }

                if (entry.Record.ExpiresAt > queuedAt)
                {
                    // The session slid since it was queued: queue it at its current expiry.
                    entry.QueuedAt = entry.Record.ExpiresAt;
                    _expiries.Enqueue(entry, entry.QueuedAt);
                    continue;
                }

                _tokens.Remove(entry.Record.Digest);
                RemoveFromAccountIndex(entry);
                purged++;
            }

            return Task.FromResult(purged);
        }
    }

    /// <summary>The order of <see cref="ITokenStore.RevokeAllButNewestAsync"/>: later issue first, then the ordinally greater digest.</summary>
    private static bool IsNewer(TokenRecord candidate, TokenRecord current)
    {
        var byIssue = candidate.IssuedAt.CompareTo(current.IssuedAt);
        return byIssue > 0 || (byIssue == 0 && string.CompareOrdinal(candidate.Digest, current.Digest) > 0);
    }

    private static void Consume(Entry entry, DateTimeOffset now) => entry.Record = entry.Record with { ConsumedAt = now };

    private HashSet<Entry> AccountIndex(Guid accountId)
    {
        if (!_unconsumedByAccount.TryGetValue(accountId, out var entries))
        {
            entries = [];
            _unconsumedByAccount.Add(accountId, entries);
        }

        return entries;
    }

    private void RemoveFromAccountIndex(Entry entry)
    {
        var accountId = entry.Record.AccountId;
        if (_unconsumedByAccount.TryGetValue(accountId, out var entries) && entries.Remove(entry) && entries.Count == 0)
        {
            _unconsumedByAccount.Remove(accountId);
        }
    }

    /// <summary>One stored record and the expiry it is queued at in the heap. Guarded by the store's lock; compared by reference.</summary>
    private sealed class Entry(TokenRecord record)
    {
        public TokenRecord Record { get; set; } = record;

        public DateTimeOffset QueuedAt { get; set; } = record.ExpiresAt;
    }
}
