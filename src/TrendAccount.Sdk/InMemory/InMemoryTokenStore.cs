namespace TrendAccount.Sdk.InMemory;

/// <summary>
/// The reference <see cref="ITokenStore"/>: token records (digests only) in process memory. Thread-safe;
/// <see cref="TryConsumeAsync"/> succeeds for exactly one of any number of concurrent callers.
/// Expired and consumed records are dropped once they can no longer matter (see <see cref="PurgeBefore"/>).
/// </summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);

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
            if (!_tokens.TryAdd(token.Digest, token))
            {
                throw new InvalidOperationException("A token with this digest is already stored.");
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
            return Task.FromResult(_tokens.GetValueOrDefault(digest));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryConsumeAsync(string digest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_tokens.TryGetValue(digest, out var token) || !token.IsActiveAt(now))
            {
                return Task.FromResult(false);
            }

            _tokens[digest] = token with { ConsumedAt = now };
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
            if (!_tokens.TryGetValue(digest, out var token) || !token.IsActiveAt(now))
            {
                return Task.FromResult(false);
            }

            _tokens[digest] = token with { ExpiresAt = expiresAt };
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var revoked = 0;
            foreach (var token in _tokens.Values.ToArray())
            {
                if (token.AccountId == accountId && (purpose is null || token.Purpose == purpose) && token.IsActiveAt(now))
                {
                    _tokens[token.Digest] = token with { ConsumedAt = now };
                    revoked++;
                }
            }

            return Task.FromResult(revoked);
        }
    }

    /// <summary>Removes records that expired or were consumed before <paramref name="cutoff"/>, so memory stays bounded.</summary>
    /// <param name="cutoff">Records whose expiry or consumption precedes this instant are removed.</param>
    /// <returns>How many records were removed.</returns>
    public int PurgeBefore(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            var stale = _tokens.Values.Where(t => t.ExpiresAt < cutoff || t.ConsumedAt < cutoff).Select(t => t.Digest).ToArray();
            foreach (var digest in stale)
            {
                _tokens.Remove(digest);
            }

            return stale.Length;
        }
    }
}
