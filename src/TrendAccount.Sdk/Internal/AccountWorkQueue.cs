using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk;

/// <summary>
/// The SDK's background work: every account email, and the account-side half of a password-reset request,
/// run here, off the response path, one item at a time. That is how a reset request answers the same, and as
/// fast, whether or not the address has an account, and how a failing mailer never fails a flow.
/// Thread-safe; registered as a singleton by <c>AddTrendAccount</c>. Its reading loop starts on the first item,
/// not in the constructor, so resolving the flows starts no thread; disposing the container stops it.
/// </summary>
/// <remarks>
/// The queue is bounded (<see cref="Capacity"/> items); work offered to a full queue is dropped and logged.
/// Disposing the queue asynchronously lets queued work finish; disposing it synchronously abandons what has not
/// started (logged). Work is kept in process memory only: hosts that must not lose an email on a crash should
/// deliver through a durable mailer (an outbox).
/// </remarks>
internal sealed class AccountWorkQueue : IAsyncDisposable, IDisposable
{
    /// <summary>The largest number of items waiting at once.</summary>
    public const int Capacity = 4096;

    private readonly Channel<WorkItem> _channel;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private Task? _loop;
    private int _pending;
    private TaskCompletionSource? _idle;
    private int _disposed;

    internal AccountWorkQueue(ILogger<AccountWorkQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
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

        _channel.Writer.TryComplete();
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
        }

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

        _channel.Writer.TryComplete();
        _stopping.Cancel();
    }

    /// <summary>Queues work. Never blocks; a full or stopped queue drops the work and logs it.</summary>
    internal bool TryEnqueue(string name, Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            _pending++;

            // Started lazily, once: never after disposal (the channel is complete then, so the write below fails).
            if (_loop is null && Volatile.Read(ref _disposed) == 0)
            {
                _loop = Task.Run(RunAsync);
            }
        }

        if (_channel.Writer.TryWrite(new WorkItem(name, work)))
        {
            return true;
        }

        Log.BackgroundWorkDropped(_logger, name);
        Done();
        return false;
    }

    private async Task RunAsync()
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var item))
                {
                    await RunOneAsync(item).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Synchronous dispose: what is left is abandoned below.
        }

        var abandoned = 0;
        while (_channel.Reader.TryRead(out _))
        {
            abandoned++;
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

    private readonly record struct WorkItem(string Name, Func<CancellationToken, Task> Work);
}
