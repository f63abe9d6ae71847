namespace TrendAccount.Sdk;

/// <summary>Wakes this node's outbox delivery service when this node has written a mail, so it need not wait for its poll. Thread-safe.</summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every mail written meanwhile.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        WaitCoreAsync(timeout, time, cancellationToken);

    private async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout, time, linked.Token);
        var first = await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == signalled && signalled.Status == TaskStatus.RanToCompletion;
    }
}
