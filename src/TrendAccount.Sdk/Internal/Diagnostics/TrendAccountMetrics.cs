using System.Diagnostics.Metrics;

namespace TrendAccount.Sdk;

/// <summary>The SDK's counters. Uses the host's <see cref="IMeterFactory"/> when there is one.</summary>
internal sealed class TrendAccountMetrics : IDisposable
{
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

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new(TrendAccountDiagnostics.OutcomeTag, outcome);
}
