namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>
/// A mailer that is stuck (a slow or unreachable SMTP server) until the test opens its gate; then it records every
/// message in the order the SDK handed them over. Stands in for a 250 ms mailer without any real waiting.
/// </summary>
public sealed class GatedMailer : IAccountMailer
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly List<AccountMessage> _sent = [];
    private int _started;

    /// <summary>Gets how many sends have started (the first one is the one stuck at the gate).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Gets the messages sent, in order.</summary>
    public IReadOnlyList<AccountMessage> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToArray();
            }
        }
    }

    public void Open() => _gate.TrySetResult();

    public async Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        await _gate.Task.WaitAsync(cancellationToken);
        lock (_lock)
        {
            _sent.Add(message);
        }
    }
}
