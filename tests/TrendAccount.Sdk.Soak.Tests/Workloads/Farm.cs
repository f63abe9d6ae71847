using TrendAccount.Sdk.Soak.Tests.Infrastructure;

namespace TrendAccount.Sdk.Soak.Tests.Workloads;

/// <summary>
/// What the workloads share: the two nodes, the SMTP server's record, a sequence that orders every operation against
/// the fault events, and the signal to stop starting new work.
/// </summary>
public sealed class Farm
{
    public const string Captcha = Testing.TestCaptchaVerifier.ValidResponse;

    private readonly CancellationTokenSource _stopping = new();
    private long _sequence;

    public Farm(SoakNode a, SoakNode b, SoakSmtpServer smtp, string runId)
    {
        Nodes = [a, b];
        Smtp = smtp;
        RunId = runId;
    }

    public IReadOnlyList<SoakNode> Nodes { get; }

    public SoakSmtpServer Smtp { get; }

    /// <summary>Gets a short id that makes this run's addresses unique.</summary>
    public string RunId { get; }

    /// <summary>Gets a token that fires when the workloads must stop starting new operations (they finish what they started).</summary>
    public CancellationToken Stopping => _stopping.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Takes the next number of the run's sequence: operations and fault events are ordered by it.</summary>
    /// <returns>The number.</returns>
    public long Mark() => Interlocked.Increment(ref _sequence);

    public void Stop() => _stopping.Cancel();

    /// <summary>
    /// Waits until the SMTP server accepts another message, or the run starts stopping. Take the task before looking
    /// at the mail, so no arrival is missed between the look and the wait.
    /// </summary>
    /// <param name="arrival">The task from <see cref="SoakSmtpServer.NextArrival"/>.</param>
    /// <param name="deadline">Fails the wait when it fires.</param>
    /// <returns>A task.</returns>
    public async Task WaitForMailAsync(Task arrival, CancellationToken deadline)
    {
        var stopping = IsStopping ? Task.CompletedTask : Task.Delay(Timeout.Infinite, Stopping);
        await Task.WhenAny(arrival, stopping).WaitAsync(deadline).ConfigureAwait(false);
    }

    /// <summary>Gets the first accepted message to <paramref name="to"/> of a kind whose Message-Id is not in <paramref name="seen"/>.</summary>
    public AcceptedMessage? NewMail(string to, AccountMessageKind kind, ISet<string> seen) =>
        Smtp.Accepted.FirstOrDefault(m => m.Kind == kind.ToString() && string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && !seen.Contains(m.MessageId));
}
