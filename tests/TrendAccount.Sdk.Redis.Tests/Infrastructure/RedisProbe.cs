using StackExchange.Redis;

namespace TrendAccount.Sdk.Redis.Tests.Infrastructure;

/// <summary>The tests' own connection to a Redis server, to look at what the counter wrote and to make time pass for a key.</summary>
public sealed class RedisProbe : IAsyncDisposable
{
    // Makes ARGV[1] milliseconds pass for KEYS[1]: shortens its time to live, or deletes it when nothing is left.
    private const string ElapseScript = """
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
          return left
        end
        local rest = left - tonumber(ARGV[1])
        if rest <= 0 then
          redis.call('DEL', KEYS[1])
          return 0
        end
        redis.call('PEXPIRE', KEYS[1], rest)
        return rest
        """;

    private readonly ConnectionMultiplexer _connection;

    private RedisProbe(ConnectionMultiplexer connection) => _connection = connection;

    public IDatabase Database => _connection.GetDatabase();

    public static async Task<RedisProbe> ConnectAsync(string configuration) =>
        new(await ConnectionMultiplexer.ConnectAsync(configuration));

    /// <summary>Makes <paramref name="elapsed"/> pass on the server's clock for one key.</summary>
    public Task ElapseAsync(string redisKey, TimeSpan elapsed) =>
        Database.ScriptEvaluateAsync(ElapseScript, [redisKey], [(long)elapsed.TotalMilliseconds]);

    /// <summary>Gets the keys under a prefix, with their counts.</summary>
    public async Task<Dictionary<string, long>> CountsUnderAsync(string prefix)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var endpoint in _connection.GetEndPoints())
        {
            await foreach (var key in _connection.GetServer(endpoint).KeysAsync(pattern: prefix + "*"))
            {
                counts[key.ToString()] = (long)await Database.StringGetAsync(key);
            }
        }

        return counts;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
