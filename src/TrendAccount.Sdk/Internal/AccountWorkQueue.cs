using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The SDK's background work: every account email, and the account-side half of a password-reset request or a
/// registration, run here, off the response path, one item at a time. That is how a reset request answers the same,
/// and as fast, whether or not the address has an account, and how a failing mailer never fails a flow.
/// Thread-safe; registered as a singleton by <c>AddTrendAccount</c>. Its reading loop starts on the first item,
/// not in the constructor, so resolving the flows starts no thread; disposing the container stops it.
/// </summary>
/// <remarks>
/// <para>
/// Two lanes (issue #11 item 8). The <em>urgent</em> lane carries the mail a customer is waiting for — the reset link,
/// the registration confirmation, the address reminder — and the work that decides it; the <em>notice</em> lane
/// carries what an attacker can make the SDK send without a captcha (lockout notices, "password changed", "you
/// already have an account"). The loop always takes an urgent item first, so a flood of notices delays a reset mail
/// by at most the one notice already being sent.
/// </para>
/// <para>
/// Full lanes behave differently on purpose. The notice lane holds <see cref="NoticeCapacity"/> items; a notice
/// offered to a full lane is shed, logged (<c>BackgroundWorkDropped</c>) and counted
/// (<c>trendaccount.mails{outcome="dropped"}</c>). The urgent lane holds <see cref="UrgentCapacity"/> items and never
/// drops: a caller that finds it full waits for room (backpressure on the request that asked for the mail, logged
/// once per episode as <c>UrgentMailBackpressure</c>), and gives up only when its own cancellation token fires —
/// then the caller sees the <see cref="OperationCanceledException"/>, never a silent loss. Urgent work is admitted
/// only behind a captcha and per-client and per-address limits, so reaching that bound means the mailer is down or
/// far too slow, which the wait makes visible instead of hiding.
/// </para>
/// <para>
/// Disposing the queue asynchronously lets queued work finish; disposing it synchronously abandons what has not
/// started (logged). Work is kept in process memory only: hosts that must not lose an email on a crash use a
/// durable outbox (<c>UseEntityFrameworkStores(...).AddOutboxDelivery()</c>).
/// </para>
/// </remarks>
internal sealed class AccountWorkQueue : IAsyncDisposable, IDisposable
{
    /// <summary>The largest number of notices waiting at once; more are shed (logged and counted).</summary>
    public const int NoticeCapacity = 4096;

    /// <summary>The largest number of urgent items waiting at once; more wait for room (never dropped).</summary>
    public const int UrgentCapacity = 16384;

    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly Queue<WorkItem> _urgent = new();
    private readonly Queue<WorkItem> _notices = new();
    private readonly SemaphoreSlim _ready = new(0);
    private readonly SemaphoreSlim _urgentRoom;
    private readonly int _urgentCapacity;
    private readonly int _noticeCapacity;
    private Task? _loop;
    private int _pending;
    private TaskCompletionSource? _idle;
    private bool _completed;
    private int _disposed;
    private int _backpressure;

    internal AccountWorkQueue(ILogger<AccountWorkQueue> logger, TimeProvider? time = null)
        : this(logger, UrgentCapacity, NoticeCapacity, time)
    {
    }

    /// <summary>A queue with other bounds: tests replay the reported flood at a smaller scale with them.</summary>
    internal AccountWorkQueue(ILogger<AccountWorkQueue> logger, int urgentCapacity, int noticeCapacity = NoticeCapacity, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(urgentCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(noticeCapacity, 1);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _urgentCapacity = urgentCapacity;
        _noticeCapacity = noticeCapacity;
        _urgentRoom = new SemaphoreSlim(urgentCapacity, urgentCapacity);
    }

    /// <summary>Gets the number of items queued or running.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Gets the number of urgent and notice items waiting (not yet started).</summary>
    public (int Urgent, int Notices) Waiting
    {
        get
        {
            lock (_gate)
            {
                return (_urgent.Count, _notices.Count);
            }
        }
    }

    /// <summary>
    /// Gets, per lane, how many items wait and how long the oldest has waited (zero when none does): what the
    /// work-queue gauges report. Each lane is first-in first-out, so its head is its oldest item.
    /// </summary>
    public (LaneState Urgent, LaneState Notices) Lanes()
    {
        lock (_gate)
        {
            return (State(_urgent), State(_notices));
        }

        LaneState State(Queue<WorkItem> lane) =>
            lane.TryPeek(out var head) ? new LaneState(lane.Count, _time.GetElapsedTime(head.QueuedAt)) : default;
    }

    /// <summary>
    /// Waits until every item queued so far (and any queued meanwhile) has finished, successfully or with a
    /// logged failure. Tests await this instead of sleeping; hosts may await it before shutting down.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the work goes on).</param>
    /// <returns>A task that completes when the queue is idle.</returns>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        Task idle;
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    /// <summary>Lets queued work finish, then stops the queue.</summary>
    /// <returns>A task that completes when the queue has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Task? loop;
        lock (_gate)
        {
            _completed = true;
            loop = _loop;
        }

        _ready.Release();
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>Stops the queue; work that has not started is abandoned and logged.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _completed = true;
        }

        _stopping.Cancel();
        _ready.Release();
    }

    /// <summary>
    /// Queues a notice. Never blocks; a full notice lane (or a stopped queue) sheds it, logs it and returns
    /// <see langword="false"/> so the caller can count it.
    /// </summary>
    internal bool TryEnqueueNotice(string name, Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (!_completed && _notices.Count < _noticeCapacity)
            {
                _notices.Enqueue(new WorkItem(name, work, Urgent: false, _time.GetTimestamp()));
                Admitted();
                _ready.Release();
                return true;
            }
        }

        Log.BackgroundWorkDropped(_logger, name);
        return false;
    }

    /// <summary>
    /// Queues urgent work ahead of every notice. Waits for room when the urgent lane is full (never drops); the wait
    /// ends with <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> fires. Returns
    /// <see langword="false"/> (logged) only when the queue has stopped, at host shutdown.
    /// </summary>
    internal async ValueTask<bool> EnqueueUrgentAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!_urgentRoom.Wait(0))
        {
            if (Interlocked.Exchange(ref _backpressure, 1) == 0)
            {
                Log.UrgentMailBackpressure(_logger, _urgentCapacity);
            }

            await _urgentRoom.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            if (!_completed)
            {
                _urgent.Enqueue(new WorkItem(name, work, Urgent: true, _time.GetTimestamp()));
                Admitted();
                _ready.Release();
                return true;
            }
        }

        _urgentRoom.Release();
        Log.BackgroundWorkDropped(_logger, name);
        return false;
    }

    // Under _gate: counts the item and starts the loop once.
    private void Admitted()
    {
        _pending++;
        _loop ??= Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                await _ready.WaitAsync(_stopping.Token).ConfigureAwait(false);
                WorkItem item;
                lock (_gate)
                {
                    if (_urgent.Count > 0)
                    {
                        item = _urgent.Dequeue();
                    }
                    else if (_notices.Count > 0)
                    {
                        item = _notices.Dequeue();
                    }
                    else if (_completed)
                    {
                        break;
                    }
                    else
                    {
                        continue;
                    }
                }

                if (item.Urgent)
                {
                    _urgentRoom.Release();
                    Volatile.Write(ref _backpressure, 0);
                }

                await RunOneAsync(item).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Synchronous dispose: what is left is abandoned below.
        }

        int abandoned;
        lock (_gate)
        {
            abandoned = _urgent.Count + _notices.Count;
            _urgent.Clear();
            _notices.Clear();
        }

        for (var i = 0; i < abandoned; i++)
        {
            Done();
        }

        if (abandoned > 0)
        {
            Log.BackgroundWorkAbandoned(_logger, abandoned);
        }
    }

    private async Task RunOneAsync(WorkItem item)
    {
        try
        {
            await item.Work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            Log.BackgroundWorkAbandoned(_logger, 1);
        }
        catch (Exception exception)
        {
            Log.BackgroundWorkFailed(_logger, item.Name, exception);
        }
        finally
        {
            Done();
        }
    }

    private void Done()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            _pending--;
            if (_pending == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>One lane's waiting items and the age of its oldest.</summary>
    internal readonly record struct LaneState(int Waiting, TimeSpan OldestAge);

    private readonly record struct WorkItem(string Name, Func<CancellationToken, Task> Work, bool Urgent, long QueuedAt);
}
