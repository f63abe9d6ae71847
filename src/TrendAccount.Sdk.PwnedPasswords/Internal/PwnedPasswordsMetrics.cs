using System.Diagnostics.Metrics;

namespace TrendAccount.Sdk.PwnedPasswords.Internal;

/// <summary>The screen's counter. Uses the host's <see cref="IMeterFactory"/> when there is one.</summary>
internal sealed class PwnedPasswordsMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _checks;

    public PwnedPasswordsMetrics(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            _meter = new Meter(PwnedPasswordsDiagnostics.MeterName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(PwnedPasswordsDiagnostics.MeterName);
        }

        _checks = _meter.CreateCounter<long>(PwnedPasswordsDiagnostics.ChecksCounter, "{check}", "Breached-password screenings by outcome, source and failure reason.");
    }

    public void Check(string outcome, string source, string? reason = null)
    {
        if (reason is null)
        {
            _checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("source", source));
        }
        else
        {
            _checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
