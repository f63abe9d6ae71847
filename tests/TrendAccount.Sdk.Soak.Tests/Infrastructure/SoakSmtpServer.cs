using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using TrendAccount.Sdk.MailKit;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace TrendAccount.Sdk.Soak.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a fixed loopback port that records every message it accepts, and can
/// be switched to refuse messages (451/554 at DATA) or to stop listening (connection refused) and back. Thread-safe.
/// </summary>
public sealed class SoakSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<AcceptedMessage> _accepted = new();
    private readonly SemaphoreSlim _switch = new(1, 1);
    private readonly object _arrivalGate = new();
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stop;
    private Task _running = Task.CompletedTask;
    private long _sequence;
    private int _refused;
    private volatile bool _refusing;

    private SoakSmtpServer(int port)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>Gets every message accepted so far, in order.</summary>
    public IReadOnlyList<AcceptedMessage> Accepted => _accepted.ToArray();

    /// <summary>Gets how many messages were refused at DATA.</summary>
    public int RefusedMessages => Volatile.Read(ref _refused);

    /// <summary>Gets what the server does now.</summary>
    public SmtpMode Mode { get; private set; }

    public static async Task<SoakSmtpServer> StartAsync()
    {
        var server = new SoakSmtpServer(FreePort());
        await server.ListenAsync();
        return server;
    }

    /// <summary>Completes when a message is accepted after this call (or at once if one is accepted meanwhile).</summary>
    /// <returns>A task.</returns>
    public Task NextArrival()
    {
        lock (_arrivalGate)
        {
            return _arrival.Task;
        }
    }

    /// <summary>Switches what the server does.</summary>
    /// <param name="mode">The new mode.</param>
    /// <returns>A task that completes when the switch is done (the listener stopped or started).</returns>
    public async Task SwitchAsync(SmtpMode mode)
    {
        await _switch.WaitAsync();
        try
        {
            _refusing = mode == SmtpMode.RefusingMessages;
            if (mode == SmtpMode.Down && _stop is not null)
            {
                await StopListeningAsync();
            }
            else if (mode != SmtpMode.Down && _stop is null)
            {
                await ListenAsync();
            }

            Mode = mode;
        }
        finally
        {
            _switch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        _switch.Dispose();
    }

    private async Task ListenAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("soak.localhost")
            .Endpoint(new EndpointDefinitionBuilder().Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).SessionTimeout(TimeSpan.FromSeconds(60)).Build())
            .Build();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        var running = new SmtpServerHost(options, services).StartAsync(_stop.Token);
        _running = running;
        await Task.WhenAny(started.Task, running).WaitAsync(TimeSpan.FromSeconds(30));
        if (running.IsFaulted)
        {
            await running;
        }
    }

    private async Task StopListeningAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
    }

    private void Record(MimeMessage message, string to)
    {
        var kind = message.Headers[AccountMailHeaders.Kind] ?? string.Empty;
        _accepted.Enqueue(new AcceptedMessage(message.MessageId ?? string.Empty, to, kind, message.TextBody ?? string.Empty, Interlocked.Increment(ref _sequence)));
        TaskCompletionSource arrived;
        lock (_arrivalGate)
        {
            arrived = _arrival;
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    // A free port below Linux's ephemeral range (32768 and up by default): while the server is down, no outgoing
    // connection of this machine can be given the port, so listening on it again cannot fail for that reason.
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 100)
            {
                // Taken: try another.
            }
        }
    }

    private sealed class Store(SoakSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server._refusing)
            {
                // Refused before anything is kept: a transient 451 and a permanent 554 in turn (the outbox retries both).
                var refused = Interlocked.Increment(ref server._refused);
                return refused % 2 == 0
                    ? new SmtpResponse(SmtpReplyCode.Error, "4.3.0 soak: try again later")
                    : new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.3.0 soak: refused for a while");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Record(message, string.Join(",", transaction.To.Select(static m => m.AsAddress())));
            return SmtpResponse.Ok;
        }
    }
}
