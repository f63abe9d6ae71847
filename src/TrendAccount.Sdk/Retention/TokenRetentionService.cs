using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// Purges expired token records (<see cref="ITokenStore.PurgeExpiredAsync"/>) when the host starts and then every
/// <see cref="RetentionOptions.Interval"/>. Started and stopped by the host like every <see cref="BackgroundService"/>;
/// its constructor starts nothing. Registered by <c>TrendAccountBuilder.AddRetention</c>.
/// </summary>
/// <remarks>
/// A pass deletes batch after batch until a batch comes back short, each batch its own statement, so other writers
/// wait at most one batch. A pass that fails (the database is down) is logged and counted, and the next interval
/// tries again: retention is housekeeping and never stops the host. On many nodes every node may run it; each record
/// is deleted once.
/// </remarks>
internal sealed partial class TokenRetentionService : BackgroundService
{
    private readonly ITokenStore _tokens;
    private readonly RetentionOptions _options;
    private readonly TimeProvider _time;
    private readonly TrendAccountMetrics _metrics;
    private readonly ILogger _logger;

    public TokenRetentionService(ITokenStore tokens, RetentionOptions options, TimeProvider time, TrendAccountMetrics metrics, ILogger<TokenRetentionService> logger)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _tokens = tokens;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Runs one pass: purges every record that expired more than the grace period ago, in batches.</summary>
    /// <param name="cancellationToken">Stops the pass between batches (the host is stopping).</param>
    /// <returns>How many records were purged; 0 when the pass failed.</returns>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var before = _time.GetUtcNow() - _options.GracePeriod;
        var purged = 0;
        try
        {
            int batch;
            do
            {
                batch = await _tokens.PurgeExpiredAsync(before, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                purged += batch;
                _metrics.TokensPurged(batch);
            }
            while (batch >= _options.BatchSize);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Housekeeping: whatever the store threw, log it and try again at the next interval.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogPurgeFailed(purged, exception);
            _metrics.RetentionPass(RetentionOutcomes.Failed);
            return purged;
        }

        LogPurged(purged, before);
        _metrics.RetentionPass(RetentionOutcomes.Succeeded);
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first pass touches the store.
        await Task.Yield();
        using var timer = new PeriodicTimer(_options.Interval, _time);
        do
        {
            await PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 2100, EventName = "ExpiredTokensPurged", Level = LogLevel.Debug,
        Message = "Retention purged {Count} token record(s) that expired before {Before:O}.")]
    private partial void LogPurged(int count, DateTimeOffset before);

    [LoggerMessage(EventId = 2101, EventName = "TokenPurgeFailed", Level = LogLevel.Error,
        Message = "Retention could not purge expired token records ({Count} purged before the failure); it tries again at the next interval.")]
    private partial void LogPurgeFailed(int count, Exception exception);
}
