using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk;

/// <summary>
/// Delivers the durable outbox (<see cref="IMailOutbox"/>): claims due rows (urgent first) under a lease, hands each to
/// the <see cref="IAccountMailer"/> with its stable Message-Id, marks it delivered, or reschedules it with exponential
/// backoff, or after <see cref="OutboxDeliveryOptions.MaximumAttempts"/> makes it a dead letter (logged and counted);
/// purges delivered rows past the retention period in bounded batches; keeps the depth and oldest-age gauges.
/// Started and stopped by the host (<see cref="BackgroundService"/>), registered by <c>AddOutboxDelivery()</c>.
/// </summary>
/// <remarks>
/// Every node may run it: a row is leased to one claim at a time by the database (see the store), so each mail is
/// handed to the mailer by one node at a time. A node that dies mid-send leaves its lease to run out; the next claim
/// sends the mail again with the same Message-Id — at-least-once delivery, with duplicates recognisable.
/// </remarks>
internal sealed class OutboxDeliveryService : BackgroundService
{
    private readonly IMailOutbox _outbox;
    private readonly IAccountMailer _mailer;
    private readonly TimeProvider _time;
    private readonly OutboxDeliveryOptions _options;
    private readonly OutboxSignal _signal;
    private readonly OutboxMetrics _metrics;
    private readonly ILogger _logger;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public OutboxDeliveryService(
        IMailOutbox outbox,
        IAccountMailer mailer,
        TimeProvider time,
        IOptions<OutboxDeliveryOptions> options,
        OutboxSignal signal,
        OutboxMetrics metrics,
        ILogger<OutboxDeliveryService> logger)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(mailer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _outbox = outbox;
        _mailer = mailer;
        _time = time;
        _options = options.Value;
        _signal = signal;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>
    /// One pass: refreshes the gauges, purges when due, then claims and delivers one batch. Returns how many rows it
    /// claimed, so the loop goes straight on while batches come back full. Tests drive this directly with a fake clock.
    /// </summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        _metrics.Backlog(await _outbox.GetBacklogAsync(cancellationToken).ConfigureAwait(false));
        var now = _time.GetUtcNow();
        if (now >= _nextPurge)
        {
            await PurgeAsync(now, cancellationToken).ConfigureAwait(false);
            _nextPurge = now + _options.PurgeInterval;
        }

        var claimed = await _outbox.ClaimAsync(Guid.NewGuid(), _options.BatchSize, now, now + _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        foreach (var mail in claimed.OrderBy(m => m.Priority))
        {
            await DeliverAsync(mail, cancellationToken).ConfigureAwait(false);
        }

        return claimed.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.OutboxDeliveryStarted(_logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            int claimed;
            try
            {
                claimed = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The store is unreachable: nothing is lost (the rows stay), try again after the poll interval.
                Log.OutboxPassFailed(_logger, exception);
                claimed = 0;
            }

            if (claimed < _options.BatchSize)
            {
                try
                {
                    await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        Log.OutboxDeliveryStopped(_logger);
    }

    private async Task DeliverAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        var message = WithMessageId(mail);
        var maskedTo = Redaction.MaskEmail(message.To);
        try
        {
            await _mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: the lease runs out and another pass (here or on another node) sends it again.
            throw;
        }
        catch (Exception exception)
        {
            await FailAsync(mail, maskedTo, exception, cancellationToken).ConfigureAwait(false);
            return;
        }

        _metrics.Mail(message.Kind, "sent");
        Log.MailSent(_logger, message.Kind, maskedTo);
        if (!await _outbox.MarkDeliveredAsync(mail, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            // The lease ran out mid-send and another claim took the row: it may be sent again, with the same Message-Id.
            Log.OutboxLeaseLost(_logger, message.Kind, mail.Id);
        }
    }

    // The Message-Id comes from the row's id, whatever the store handed back, so a second delivery is recognisable.
    private static AccountMessage WithMessageId(OutboxMail mail)
    {
        var id = mail.Id.ToString("N");
        var m = mail.Message;
        return m.MessageId == id ? m : new AccountMessage(m.Kind, m.To, m.Subject, m.TextBody, m.HtmlBody, m.Link) { MessageId = id };
    }

    private async Task FailAsync(OutboxMail mail, string maskedTo, Exception exception, CancellationToken cancellationToken)
    {
        var kind = mail.Message.Kind;
        var error = exception.GetType().Name + ": " + exception.Message;
        _metrics.Mail(kind, "failed");
        if (mail.Attempts >= _options.MaximumAttempts)
        {
            await _outbox.MarkFailedAsync(mail, null, error, cancellationToken).ConfigureAwait(false);
            _metrics.Mail(kind, "dead_lettered");
            _metrics.DeadLetter(kind);
            Log.OutboxDeadLetter(_logger, kind, maskedTo, mail.Id, mail.Attempts, exception);
            return;
        }

        var retryAt = _time.GetUtcNow() + _options.RetryDelay(mail.Attempts);
        await _outbox.MarkFailedAsync(mail, retryAt, error, cancellationToken).ConfigureAwait(false);
        Log.OutboxRetryScheduled(_logger, kind, maskedTo, mail.Id, mail.Attempts, retryAt, exception);
    }

    private async Task PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - _options.RetentionPeriod;
        var total = 0;
        int deleted;
        do
        {
            deleted = await _outbox.PurgeDeliveredAsync(before, _options.PurgeBatchSize, cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == _options.PurgeBatchSize);

        if (total > 0)
        {
            Log.OutboxPurged(_logger, total, before);
        }
    }
}
