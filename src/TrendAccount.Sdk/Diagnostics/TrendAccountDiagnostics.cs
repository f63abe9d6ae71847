namespace TrendAccount.Sdk;

/// <summary>
/// The names under which the SDK reports telemetry, for hosts that subscribe to them
/// (<c>AddMeter(TrendAccountDiagnostics.MeterName)</c>, <c>AddSource(TrendAccountDiagnostics.ActivitySourceName)</c>).
/// </summary>
public static class TrendAccountDiagnostics
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>TrendAccount.Sdk</c>.</summary>
    public const string MeterName = "TrendAccount.Sdk";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>TrendAccount.Sdk</c>.</summary>
    public const string ActivitySourceName = "TrendAccount.Sdk";

    /// <summary>The counter of sign-in attempts, tagged <c>outcome</c>.</summary>
    public const string SignInsCounter = "trendaccount.sign_ins";

    /// <summary>The counter of lockouts started.</summary>
    public const string LockoutsCounter = "trendaccount.lockouts";

    /// <summary>The counter of password-reset requests, tagged <c>outcome</c>.</summary>
    public const string PasswordResetsRequestedCounter = "trendaccount.password_resets.requested";

    /// <summary>The counter of password resets completed, tagged <c>outcome</c>.</summary>
    public const string PasswordResetsCompletedCounter = "trendaccount.password_resets.completed";

    /// <summary>The counter of "forgot which address" look-ups, tagged <c>outcome</c>.</summary>
    public const string EmailsRecoveredCounter = "trendaccount.emails_recovered";

    /// <summary>The counter of registrations, tagged <c>outcome</c>.</summary>
    public const string RegistrationsCounter = "trendaccount.registrations";

    /// <summary>The counter of account emails handed to the mailer, tagged <c>kind</c> and <c>outcome</c>.</summary>
    public const string MailsCounter = "trendaccount.mails";

    /// <summary>
    /// The counter of rate-limit, step-up and device-budget windows evicted from the in-memory counter table because
    /// it reached <c>TrendAccount:RateLimits:MaximumTrackedKeys</c>; a rising value means an attacker is varying keys.
    /// </summary>
    public const string LimitWindowsEvictedCounter = "trendaccount.limits.windows_evicted";

    /// <summary>The counter of sign-ins answered "try again shortly", tagged <c>reason</c> (<c>client_limit</c>, <c>overload</c>).</summary>
    public const string SignInsDeferredCounter = "trendaccount.sign_ins.deferred";

    /// <summary>
    /// The histogram of how long each <see cref="IAccountService"/> call took, in seconds, tagged
    /// <see cref="FlowTag"/>, <see cref="OutcomeTag"/> (the result's status in snake_case, such as <c>succeeded</c>,
    /// <c>captcha_required</c>, or <c>error</c> when the call threw) and, when it threw, <see cref="ErrorTypeTag"/>.
    /// </summary>
    public const string FlowDurationHistogram = "trendaccount.flow.duration";

    /// <summary>
    /// The tag that names the flow of a <see cref="FlowDurationHistogram"/> measurement: <c>activate_product</c>,
    /// <c>register</c>, <c>confirm_registration</c>, <c>sign_in</c>, <c>recover_email</c>, <c>request_password_reset</c>, <c>check_reset_link</c>,
    /// <c>reset_password</c>, <c>change_password</c>, <c>validate_session</c> or <c>sign_out</c>.
    /// </summary>
    public const string FlowTag = "trendaccount.flow";

    /// <summary>The tag that carries the full name of the exception type when an operation threw (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The counter of expired token records deleted by the retention service (<c>AddRetention</c>).</summary>
    public const string TokensPurgedCounter = "trendaccount.tokens.purged";

    /// <summary>
    /// The counter of retention passes, tagged <c>outcome</c> (<c>succeeded</c>, <c>failed</c>); a run of failures means
    /// expired tokens are piling up.
    /// </summary>
    public const string RetentionPassesCounter = "trendaccount.retention.passes";

    /// <summary>The gauge of outbox mails waiting for delivery (<c>{message}</c>); reported while the outbox delivery service runs.</summary>
    public const string OutboxDepthGauge = "trendaccount.outbox.depth";

    /// <summary>The gauge of the age of the oldest outbox mail waiting for delivery, in seconds; 0 when none waits.</summary>
    public const string OutboxOldestAgeGauge = "trendaccount.outbox.oldest_age";

    /// <summary>The counter of outbox mails given up after their last attempt (dead letters), tagged <c>kind</c>.</summary>
    public const string OutboxDeadLettersCounter = "trendaccount.outbox.dead_letters";

    /// <summary>
    /// The gauge of items waiting in the in-process work queue (<c>{item}</c>), tagged <see cref="LaneTag"/>: account
    /// mail and the account-side half of reset and registration requests. Reported in every mode; with a durable outbox
    /// the mail itself is counted by <see cref="OutboxDepthGauge"/> once the queued work has written it.
    /// </summary>
    public const string WorkQueueDepthGauge = "trendaccount.work_queue.depth";

    /// <summary>The gauge of the age of the oldest item waiting in the in-process work queue, in seconds, tagged <see cref="LaneTag"/>; 0 when none waits.</summary>
    public const string WorkQueueOldestAgeGauge = "trendaccount.work_queue.oldest_age";

    /// <summary>The tag that names a work-queue lane: <c>urgent</c> (reset, confirmation, reminder) or <c>notice</c>.</summary>
    public const string LaneTag = "trendaccount.lane";

    /// <summary>The tag that carries the outcome of an operation (a stable lower-case code).</summary>
    public const string OutcomeTag = "outcome";
}
