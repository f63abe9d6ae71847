using System.Diagnostics.Metrics;

namespace TrendAccount.Sdk;

/// <summary>
/// The outbox's instruments on the <c>TrendAccount.Sdk</c> meter: the depth and oldest-age gauges (read from the last
/// backlog the delivery service saw, never from the database inside a collection callback) and the dead-letter counter.
/// Thread-safe.
/// </summary>
internal sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly TimeProvider _time;
    private readonly Counter<long> _deadLetters;
    private readonly TrendAccountMetrics _mail;
    private readonly object _gate = new();
    private OutboxBacklog _backlog;

    public OutboxMetrics(IMeterFactory? meterFactory, TimeProvider time, TrendAccountMetrics mail)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(mail);
        _time = time;
        _mail = mail;
        if (meterFactory is null)
        {
            _meter = new Meter(TrendAccountDiagnostics.MeterName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(TrendAccountDiagnostics.MeterName);
        }

        _deadLetters = _meter.CreateCounter<long>(TrendAccountDiagnostics.OutboxDeadLettersCounter, "{message}", "Outbox mails given up after the last attempt, by kind.");
        _meter.CreateObservableGauge(TrendAccountDiagnostics.OutboxDepthGauge, ObserveDepth, "{message}", "Outbox mails waiting for delivery.");
        _meter.CreateObservableGauge(TrendAccountDiagnostics.OutboxOldestAgeGauge, ObserveOldestAge, "s", "Age of the oldest outbox mail waiting for delivery.");
    }

    /// <summary>Gets the meter the instruments are on (tests listen to it).</summary>
    internal Meter Meter => _meter;

    public void Backlog(OutboxBacklog backlog)
    {
        lock (_gate)
        {
            _backlog = backlog;
        }
    }

    /// <summary>Counts a mail outcome on <c>trendaccount.mails</c>, as the queue does.</summary>
    public void Mail(AccountMessageKind kind, string outcome) => _mail.Mail(kind, outcome);

    public void DeadLetter(AccountMessageKind kind) => _deadLetters.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private long ObserveDepth()
    {
        lock (_gate)
        {
            return _backlog.Depth;
        }
    }

    private double ObserveOldestAge()
    {
        DateTimeOffset? oldest;
        lock (_gate)
        {
            oldest = _backlog.OldestCreatedAt;
        }

        return oldest is { } at ? Math.Max(0, (_time.GetUtcNow() - at).TotalSeconds) : 0;
    }
}
