using System.Collections.Concurrent;

namespace TrendAccount.Sdk.AspNetCore.Tests;

/// <summary>Keeps every message (the SDK sends from a background queue) and lets a test await the next one to an address.</summary>
public sealed class AwaitableMailer : IAccountMailer
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<AccountMessage>> _next = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<AccountMessage> _sent = new();

    public IReadOnlyCollection<AccountMessage> Sent => _sent.ToArray();

    public Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _sent.Enqueue(message);
        Waiter(message.To).TrySetResult(message);
        return Task.CompletedTask;
    }

    /// <summary>The next message to an address, or the one already sent since the last call.</summary>
    public async Task<AccountMessage> NextToAsync(string email)
    {
        var message = await Waiter(email).Task.WaitAsync(TimeSpan.FromSeconds(30));
        _next.TryRemove(email, out _);
        return message;
    }

    private TaskCompletionSource<AccountMessage> Waiter(string email) =>
        _next.GetOrAdd(email, _ => new TaskCompletionSource<AccountMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
}
