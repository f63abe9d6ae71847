namespace TrendAccount.Sdk;

/// <summary>
/// Admission to password verification: a bounded number run at once, a bounded number wait (each for a bounded time),
/// and everything past that is refused at once, so attacker load meets a fast "try again shortly" instead of an
/// ever-growing queue. Trusted devices are admitted first. One per container; thread-safe.
/// </summary>
/// <remarks>
/// <para>Two queues: trusted devices (a valid device token for the address) and untrusted clients. One slot is
/// reserved for trusted devices when there are at least two, so an attacker flood never holds every slot; a freed
/// slot goes to the oldest trusted waiter first, and to an untrusted waiter only if the reserve stays free.</para>
/// <para>A waiter whose wait exceeds <see cref="SignInOptions.MaximumVerificationWait"/> (measured on the injected
/// <see cref="TimeProvider"/>) or whose queue is full is refused; the caller answers the same "try again shortly" for
/// every address, before any account is looked up.</para>
/// <para>A request that would wait longer than the maximum is refused on arrival, not after the wait: the gate keeps a
/// moving average of how long a slot is held (admission to exit: the look-up and the verification) and refuses a
/// request whose place in line times that average, shared among the slots it may use, exceeds the maximum wait. So
/// when verifications slow down (a loaded machine, a slow store) the overflow is still answered in microseconds and
/// only requests that can be served in time wait. Until the first slot has been held and freed there is no estimate and
/// only the queue bound applies. The timed-out wait above stays as the guarantee when the estimate is too low.</para>
/// </remarks>
internal sealed class VerificationGate
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource> _trusted = new();
    private readonly LinkedList<TaskCompletionSource> _untrusted = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly int _untrustedCapacity;
    private readonly int _queueLimit;
    private readonly TimeSpan _maximumWait;
    private int _active;

    // Moving average of a slot's hold time, in TimeProvider ticks; 0 until the first slot is freed.
    private double _averageHoldTicks;

    public VerificationGate(SignInOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _capacity = options.ConcurrentVerifications;
        _untrustedCapacity = _capacity > 1 ? _capacity - 1 : _capacity;
        _queueLimit = options.QueuedVerifications;
        _maximumWait = options.MaximumVerificationWait;
    }

    /// <summary>Gets the verifications running now (for tests and diagnostics).</summary>
    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>Gets the sign-ins waiting now (both queues).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _trusted.Count + _untrusted.Count;
            }
        }
    }

    /// <summary>Waits for a slot; <see langword="false"/> when the queue is full or the wait ran out. A <see langword="true"/> must be paired with <see cref="Exit(long)"/>.</summary>
    public async ValueTask<bool> EnterAsync(bool trusted, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_active < (trusted ? _capacity : _untrustedCapacity) && (trusted || _trusted.Count == 0))
            {
                _active++;
                return true;
            }

            var queue = trusted ? _trusted : _untrusted;
            if (queue.Count >= _queueLimit || WouldWaitTooLong(trusted))
            {
                return false;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = queue.AddLast(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(_maximumWait, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    node.List.Remove(node);
                    cancellationToken.ThrowIfCancellationRequested();
                    return false;
                }
            }

            // A slot was handed over as the wait ended: it is ours, so give it back (or use it when not cancelled).
            if (cancellationToken.IsCancellationRequested)
            {
                Exit();
                throw;
            }

            return true;
        }
    }

    /// <summary>Gets the moving average of a slot's hold time (zero before the first sample), for tests and diagnostics.</summary>
    public TimeSpan AverageHoldTime
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromSeconds(_averageHoldTicks / _time.TimestampFrequency);
            }
        }
    }

    /// <summary>
    /// Records how long a slot was held: <paramref name="heldSince"/> is the <see cref="TimeProvider.GetTimestamp"/> at
    /// admission. The sign-in handler calls this once its look-up and verification are done; each sample moves the average by a quarter of the
    /// difference, and one sample counts for at most four times the maximum wait (a stalled verification cannot stop
    /// admission for long).
    /// </summary>
    public void Exit(long heldSince)
    {
        var held = (double)(_time.GetTimestamp() - heldSince);
        var cap = 4 * _maximumWait.TotalSeconds * _time.TimestampFrequency;
        held = Math.Clamp(held, 0, cap);
        lock (_gate)
        {
            _averageHoldTicks = _averageHoldTicks == 0 ? held : _averageHoldTicks + ((held - _averageHoldTicks) / 4);
        }

        Exit();
    }

    /// <summary>Gets a timestamp to pass to <see cref="Exit(long)"/> (taken right after admission).</summary>
    public long Timestamp() => _time.GetTimestamp();

    // Under _gate: the new waiter's place in line (trusted waiters go first, so an untrusted one waits behind them too)
    // times the average hold, shared among the slots its class may use.
    private bool WouldWaitTooLong(bool trusted)
    {
        if (_averageHoldTicks <= 0)
        {
            return false;
        }

        var ahead = trusted ? _trusted.Count : _trusted.Count + _untrusted.Count;
        var slots = trusted ? _capacity : _untrustedCapacity;
        var expected = (ahead + 1) * _averageHoldTicks / slots;
        return expected > _maximumWait.TotalSeconds * _time.TimestampFrequency;
    }

    /// <summary>Frees a slot, handing it to the oldest trusted waiter, else to the oldest untrusted one if the reserve stays free.</summary>
    private void Exit()
    {
        lock (_gate)
        {
            if (_trusted.First is { } trusted)
            {
                _trusted.RemoveFirst();
                trusted.Value.TrySetResult();
                return;
            }

            if (_untrusted.First is { } untrusted && _active - 1 < _untrustedCapacity)
            {
                _untrusted.RemoveFirst();
                untrusted.Value.TrySetResult();
                return;
            }

            _active--;
        }
    }
}
