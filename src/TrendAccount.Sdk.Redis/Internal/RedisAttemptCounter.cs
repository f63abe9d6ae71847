using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>
/// The counters in Redis: one string key per window (named by <see cref="KeyOf(string, string)"/>), holding the count,
/// with the window's end as the key's expiry.
/// Every operation is one round trip and atomic on the server. Throws what StackExchange.Redis throws when Redis does
/// not answer; <see cref="ResilientAttemptCounter"/> turns that into the fallback. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Why scripts and not RedisRateLimiting: its fixed-window limiter counts every request, refused ones included, in a
/// key it creates on the first request, and has no read or reset. The port needs the opposite on each point: a refusal
/// counts nothing and creates nothing (so a flood of refused attempts costs Redis no memory and does not stretch the
/// count), a read never creates a window (the step-up check reads a budget before anything is counted), and a
/// successful sign-in resets a budget. Two short Lua scripts keep those rules in one atomic step each.
/// </para>
/// <para>
/// Count (<see cref="TryAddScript"/>): read the count (a missing key counts 0); below the limit, <c>INCR</c> and, on the
/// first count of a window, <c>PEXPIRE</c> by the window's length; reply the count, whether it was added and
/// <c>PTTL</c>. A key found without an expiry (written by something else) is given one, so no window lasts forever.
/// Redis runs a script alone, so 100 callers at a limit of 10 count exactly 10 — across every node that shares the
/// server. The window is timed by the Redis server's clock, not the nodes': nodes with skewed clocks agree on it.
/// </para>
/// </remarks>
internal sealed class RedisAttemptCounter
{
    // KEYS[1] the window's key; ARGV[1] the limit; ARGV[2] the window in milliseconds.
    // Reply: { count, added (1 or 0), milliseconds left }.
    internal const string TryAddScript = """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0')
        local added = 0
        if count < tonumber(ARGV[1]) then
          count = redis.call('INCR', KEYS[1])
          added = 1
          if count == 1 then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return { count, added, tonumber(ARGV[2]) }
          end
        end
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          left = tonumber(ARGV[2])
        end
        return { count, added, left }
        """;

    // KEYS[1] the window's key. Reply: { count, milliseconds left }, { 0, 0 } when no window is open. Writes nothing.
    internal const string GetScript = """
        local count = redis.call('GET', KEYS[1])
        if not count then
          return { 0, 0 }
        end
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
          left = 0
        end
        return { tonumber(count), left }
        """;

    // A purpose longer than this is not one of the SDK's prefixes: the whole key is hashed.
    private const int MaximumPurposeLength = 16;

    private readonly RedisConnection _connection;
    private readonly string _prefix;

    public RedisAttemptCounter(RedisConnection connection, string prefix)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(prefix);
        _connection = connection;
        _prefix = prefix;
    }

    /// <summary>Gets the Redis key of a counter key.</summary>
    /// <param name="key">The SDK's key.</param>
    /// <returns>The Redis key.</returns>
    public RedisKey KeyOf(string key) => KeyOf(_prefix, key);

    /// <summary>
    /// Gets the Redis key of a counter key: the prefix, the key's purpose (its text up to the first colon, such as
    /// <c>signin</c> or <c>recovery1</c>) and a colon, then the first 16 bytes of the key's SHA-256 in base64url
    /// (22 characters).
    /// </summary>
    /// <remarks>
    /// Redis is shared infrastructure whose keys any operator can list, and some SDK keys hold a typed email address
    /// or a client address: hashed, Redis holds neither, every key has the same short length whatever the caller
    /// sends, and the purpose stays readable for operators. 128 bits make a collision between two keys negligible.
    /// </remarks>
    /// <param name="prefix">The configured key prefix.</param>
    /// <param name="key">The SDK's key.</param>
    /// <returns>The Redis key.</returns>
    internal static string KeyOf(string prefix, string key)
    {
        var purposeLength = key.IndexOf(':', StringComparison.Ordinal);
        var purpose = purposeLength is > 0 and <= MaximumPurposeLength ? key[..(purposeLength + 1)] : string.Empty;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return prefix + purpose + Base64Url.EncodeToString(digest[..16]);
    }

    public async ValueTask<AttemptCount> GetAsync(string key, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        var reply = await database.ScriptEvaluateAsync(GetScript, [KeyOf(key)]).WaitAsync(cancellationToken).ConfigureAwait(false);
        var values = (RedisResult[])reply!;
        var count = (int)(long)values[0];
        return count == 0 ? AttemptCount.None : new AttemptCount(count, false, TimeSpan.FromMilliseconds((long)values[1]));
    }

    public async ValueTask<AttemptCount> TryAddAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var milliseconds = Math.Max(1L, (long)Math.Ceiling(window.TotalMilliseconds));
        var database = await _connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        var reply = await database.ScriptEvaluateAsync(TryAddScript, [KeyOf(key)], [limit, milliseconds])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var values = (RedisResult[])reply!;
        return new AttemptCount((int)(long)values[0], (long)values[1] == 1, TimeSpan.FromMilliseconds((long)values[2]));
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.KeyDeleteAsync(KeyOf(key)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
