namespace TrendAccount.Sdk.PwnedPasswords;

/// <summary>The names under which <see cref="PwnedPasswordsBreachScreen"/> reports, for a host's metrics pipeline.</summary>
public static class PwnedPasswordsDiagnostics
{
    /// <summary>The meter's name: <c>TrendAccount.Sdk.PwnedPasswords</c>.</summary>
    public const string MeterName = "TrendAccount.Sdk.PwnedPasswords";

    /// <summary>
    /// The counter of screenings: <c>trendaccount.pwned_passwords.checks</c>, tagged <c>outcome</c>
    /// (<c>breached</c>, <c>not_breached</c>, <c>failed_open</c>, <c>failed_closed</c>), <c>source</c> (<c>online</c>,
    /// <c>offline</c>, <c>cache</c>) and, on failures, <c>reason</c> (<c>timeout</c>, <c>http_error</c>,
    /// <c>malformed</c>, <c>oversized</c>, <c>unreachable</c>, <c>circuit_open</c>, <c>missing_file</c>,
    /// <c>unreadable</c>). Alert on <c>failed_open</c>: passwords are being set unscreened.
    /// </summary>
    public const string ChecksCounter = "trendaccount.pwned_passwords.checks";
}
