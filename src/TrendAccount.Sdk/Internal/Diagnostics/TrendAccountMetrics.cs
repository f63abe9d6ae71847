using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TrendAccount.Sdk;

/// <summary>The SDK's counters. Uses the host's <see cref="IMeterFactory"/> when there is one.</summary>
internal sealed class TrendAccountMetrics : IDisposable
{
    // The boundaries ASP.NET Core uses for its request and Identity durations (seconds): a bcrypt verify lands in
    // the 0.05–0.5 range, a queued one or a slow store above it.
    private static readonly double[] FlowDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _resetsRequested;
    private readonly Counter<long> _resetsCompleted;
    private readonly Counter<long> _emailsRecovered;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _mails;
    private readonly Counter<long> _windowsEvicted;
    private readonly Counter<long> _signInsDeferred;
    private readonly Histogram<double> _flowDuration;
    private readonly Counter<long> _tokensPurged;
    private readonly Counter<long> _retentionPasses;

    public TrendAccountMetrics(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            _meter = new Meter(TrendAccountDiagnostics.MeterName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(TrendAccountDiagnostics.MeterName);
        }

        _windowsEvicted = _meter.CreateCounter<long>(TrendAccountDiagnostics.LimitWindowsEvictedCounter, "{window}", "Limit windows evicted because the counter table was full.");
        _signInsDeferred = _meter.CreateCounter<long>(TrendAccountDiagnostics.SignInsDeferredCounter, "{attempt}", "Sign-ins answered 'try again shortly', by reason.");
        _flowDuration = _meter.CreateHistogram(
            TrendAccountDiagnostics.FlowDurationHistogram,
            "s",
            "Duration of account flows, by flow and outcome.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = FlowDurationBuckets });
        _tokensPurged = _meter.CreateCounter<long>(TrendAccountDiagnostics.TokensPurgedCounter, "{token}", "Expired token records deleted by the retention service.");
        _retentionPasses = _meter.CreateCounter<long>(TrendAccountDiagnostics.RetentionPassesCounter, "{pass}", "Retention passes by outcome.");
        _signIns = _meter.CreateCounter<long>(TrendAccountDiagnostics.SignInsCounter, "{attempt}", "Sign-in attempts by outcome.");
        _lockouts = _meter.CreateCounter<long>(TrendAccountDiagnostics.LockoutsCounter, "{lockout}", "Accounts locked after repeated failed sign-ins.");
        _resetsRequested = _meter.CreateCounter<long>(TrendAccountDiagnostics.PasswordResetsRequestedCounter, "{request}", "Password-reset requests by outcome.");
        _resetsCompleted = _meter.CreateCounter<long>(TrendAccountDiagnostics.PasswordResetsCompletedCounter, "{reset}", "Password-reset completions by outcome.");
        _emailsRecovered = _meter.CreateCounter<long>(TrendAccountDiagnostics.EmailsRecoveredCounter, "{lookup}", "Forgot-which-address look-ups by outcome.");
        _registrations = _meter.CreateCounter<long>(TrendAccountDiagnostics.RegistrationsCounter, "{registration}", "Registrations by outcome.");
        _mails = _meter.CreateCounter<long>(TrendAccountDiagnostics.MailsCounter, "{message}", "Account emails by kind and outcome.");
    }

    /// <summary>Gets a value indicating whether anyone listens to the flow durations (so timing can be skipped).</summary>
    public bool FlowDurationEnabled => _flowDuration.Enabled;

    public void FlowDuration(string flow, string outcome, TimeSpan elapsed, string? errorType = null)
    {
        var tags = new TagList
        {
            { TrendAccountDiagnostics.FlowTag, flow },
            { TrendAccountDiagnostics.OutcomeTag, outcome },
        };
        if (errorType is not null)
        {
            tags.Add(TrendAccountDiagnostics.ErrorTypeTag, errorType);
        }

        _flowDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void SignIn(string outcome) => _signIns.Add(1, Outcome(outcome));

    public void WindowsEvicted(int count) => _windowsEvicted.Add(count);

    public void SignInDeferred(string reason) => _signInsDeferred.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Lockout() => _lockouts.Add(1);

    public void TokensPurged(int count) => _tokensPurged.Add(count);

    public void RetentionPass(string outcome) => _retentionPasses.Add(1, Outcome(outcome));

    public void ResetRequested(string outcome) => _resetsRequested.Add(1, Outcome(outcome));

    public void ResetCompleted(string outcome) => _resetsCompleted.Add(1, Outcome(outcome));

    public void EmailRecovery(string outcome) => _emailsRecovered.Add(1, Outcome(outcome));

    public void Registration(string outcome) => _registrations.Add(1, Outcome(outcome));

    public void Mail(AccountMessageKind kind, string outcome) =>
        _mails.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), Outcome(outcome));

    /// <summary>
    /// Reports <paramref name="queue"/>'s waiting items and oldest age per lane on the work-queue gauges, read when a
    /// listener collects (never pushed from the queue's hot path). Called once, by the container, for the queue it builds.
    /// </summary>
    public void ObserveWorkQueue(AccountWorkQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _meter.CreateObservableGauge(
            TrendAccountDiagnostics.WorkQueueDepthGauge,
            () =>
            {
                var lanes = queue.Lanes();
                return new[]
                {
                    new Measurement<long>(lanes.Urgent.Waiting, Lane("urgent")),
                    new Measurement<long>(lanes.Notices.Waiting, Lane("notice")),
                };
            },
            "{item}",
            "Items waiting in the in-process work queue, by lane.");
        _meter.CreateObservableGauge(
            TrendAccountDiagnostics.WorkQueueOldestAgeGauge,
            () =>
            {
                var lanes = queue.Lanes();
                return new[]
                {
                    new Measurement<double>(lanes.Urgent.OldestAge.TotalSeconds, Lane("urgent")),
                    new Measurement<double>(lanes.Notices.OldestAge.TotalSeconds, Lane("notice")),
                };
            },
            "s",
            "Age of the oldest item waiting in the in-process work queue, by lane.");
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new(TrendAccountDiagnostics.OutcomeTag, outcome);

    private static KeyValuePair<string, object?> Lane(string lane) => new(TrendAccountDiagnostics.LaneTag, lane);
}
