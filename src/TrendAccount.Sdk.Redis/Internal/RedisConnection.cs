using StackExchange.Redis;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>
/// The one Redis connection of a container, made on first use. A connection made from the configuration string is
/// owned and disposed with the container; one from the host's factory is the host's. Thread-safe.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private readonly bool _owned;
    private readonly object _gate = new();
    private Task<IConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public RedisConnection(RedisAttemptCounterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConnectionMultiplexerFactory is { } factory)
        {
            _connect = factory;
            _owned = false;
        }
        else
        {
            var configuration = CreateConfiguration(options);
            _connect = async () => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
            _owned = true;
        }
    }

    /// <summary>Gets the connection, connecting on the first call (and again after a connect attempt that threw).</summary>
    /// <returns>The connection.</returns>
    public Task<IConnectionMultiplexer> GetAsync()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            return _connecting;
        }
    }

    // Whatever connecting throws (a host factory's own exception included) is a Redis failure to the counter, which
    // then counts in the fallback: sign-in must not fail because the connection could not be made.
    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        try
        {
            return await _connect().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RedisException)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Could not connect to Redis: " + exception.Message, exception);
        }
    }

    /// <summary>Gets the connection's database.</summary>
    /// <returns>The database.</returns>
    public async ValueTask<IDatabase> GetDatabaseAsync() => (await GetAsync().ConfigureAwait(false)).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (Detach() is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => Detach()?.Dispose();

    // Marks the connection disposed and returns it when it is the SDK's own to dispose.
    private IConnectionMultiplexer? Detach()
    {
        lock (_gate)
        {
            _disposed = true;
            return _owned && _connecting is { IsCompletedSuccessfully: true } connecting ? connecting.Result : null;
        }
    }

    /// <summary>
    /// The options of a connection the SDK makes: it starts while Redis is down (<c>abortConnect=false</c>, reconnecting
    /// in the background), and a call made while disconnected fails at once (fail-fast backlog) so the fallback counts it.
    /// </summary>
    /// <param name="options">The validated options.</param>
    /// <returns>The StackExchange.Redis configuration.</returns>
    internal static ConfigurationOptions CreateConfiguration(RedisAttemptCounterOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        var timeout = (int)Math.Ceiling(options.Timeout.TotalMilliseconds);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.ClientName ??= "TrendAccount.Sdk";
        return configuration;
    }
}
