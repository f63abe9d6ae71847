using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TrendAccount.Sdk.AspNetCore;

/// <summary>
/// Checks session tokens with <see cref="IAccountService.ValidateSessionAsync"/>, reusing a successful check for
/// <see cref="TrendAccountAuthenticationOptions.SessionCacheDuration"/> on this node. Bounded; thread-safe.
/// </summary>
/// <remarks>
/// Keys are the tokens' SHA-256 digests, so the cache holds no usable token. An entry lives until the earliest of:
/// the cache duration, the session's idle expiry and its absolute expiry, so a cached session never outlives the
/// session. Only successful checks are cached: an unknown or revoked token always asks the store.
/// <para>
/// Revocation race: a check that started before a sign-out could otherwise write the revoked session back after the
/// sign-out evicted it. Every eviction bumps a generation counter, and a check caches its answer only if no eviction
/// happened while it asked the store.
/// </para>
/// </remarks>
internal sealed class SessionCache
{
    private readonly IAccountService _accounts;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private int _count;

    public SessionCache(IAccountService accounts, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(time);
        _accounts = accounts;
        _time = time;
    }

    /// <summary>Gets how many sessions are cached now (expired ones included until swept).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Checks a token: from the cache when a fresh entry exists, else from the store.</summary>
    /// <returns>The session or <see langword="null"/>, and whether the store was asked (the idle expiry slid).</returns>
    public async Task<(AccountSession? Session, bool FromStore)> ValidateAsync(string token, TimeSpan duration, int sizeLimit, CancellationToken cancellationToken)
    {
        string? key = null;
        if (duration > TimeSpan.Zero)
        {
            key = Key(token);
            if (_entries.TryGetValue(key, out var entry))
            {
                if (_time.GetUtcNow() < entry.Until)
                {
                    return (entry.Session, false);
                }

                Remove(key, entry);
            }
        }

        var generation = Interlocked.Read(ref _generation);
        var session = await _accounts.ValidateSessionAsync(token, cancellationToken).ConfigureAwait(false);
        if (session is not null && key is not null)
        {
            var now = _time.GetUtcNow();
            var until = Min(now + duration, Min(session.ExpiresAt, session.AbsoluteExpiresAt));
            if (until > now && Interlocked.Read(ref _generation) == generation && HasRoom(sizeLimit, now))
            {
                if (_entries.TryAdd(key, new Entry(session, until)))
                {
                    Interlocked.Increment(ref _count);
                }
            }
        }

        return (session, true);
    }

    /// <summary>Forgets one token (it was signed out or replaced on this node).</summary>
    public void Evict(string token)
    {
        Interlocked.Increment(ref _generation);
        if (_entries.TryRemove(Key(token), out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Forgets every session of an account (its credentials changed on this node).</summary>
    public void EvictAccount(Guid accountId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var pair in _entries)
        {
            if (pair.Value.Session.AccountId == accountId)
            {
                Remove(pair.Key, pair.Value);
            }
        }
    }

    /// <summary>Forgets every session (a password reset on this node, whose account the result does not name).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        foreach (var pair in _entries)
        {
            Remove(pair.Key, pair.Value);
        }
    }

    private bool HasRoom(int sizeLimit, DateTimeOffset now)
    {
        if (Count < sizeLimit)
        {
            return true;
        }

        foreach (var pair in _entries)
        {
            if (pair.Value.Until <= now)
            {
                Remove(pair.Key, pair.Value);
            }
        }

        return Count < sizeLimit;
    }

    private void Remove(string key, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Key(string token)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, buffer);
        SHA256.HashData(buffer[..written], digest);
        return Convert.ToBase64String(digest);
    }

    private sealed record Entry(AccountSession Session, DateTimeOffset Until);
}
