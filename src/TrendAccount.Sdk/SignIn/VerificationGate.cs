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

    /// <summary>Waits for a slot; <see langword="false"/> when the queue is full or the wait ran out. A <see langword="true"/> must be paired with <see cref="Exit"/>.</summary>
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
            if (queue.Count >= _queueLimit)
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

    /// <summary>Frees a slot, handing it to the oldest trusted waiter, else to the oldest untrusted one if the reserve stays free.</summary>
    public void Exit()
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
