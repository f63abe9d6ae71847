using System.Diagnostics.Metrics;

namespace TrendAccount.Sdk.Redis.Internal;

/// <summary>The counter's instruments. Uses the host's <see cref="IMeterFactory"/> when there is one.</summary>
internal sealed class RedisMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _outages;

    public RedisMetrics(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            _meter = new Meter(RedisAttemptCounterDiagnostics.MeterName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(RedisAttemptCounterDiagnostics.MeterName);
        }

        _fallbacks = _meter.CreateCounter<long>(RedisAttemptCounterDiagnostics.FallbacksCounter, "{call}", "Attempt-counter calls served by the per-process fallback because Redis did not answer.");
        _outages = _meter.CreateCounter<long>(RedisAttemptCounterDiagnostics.OutagesCounter, "{outage}", "Times attempt counting switched from Redis to the per-process fallback.");
    }

    public void Fallback(string operation) => _fallbacks.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void Outage() => _outages.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
