using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrendAccount.Sdk.MailKit.Tests.Infrastructure;

/// <summary>A raw TCP server on 127.0.0.1 that misbehaves: stays silent, or hangs up at a chosen point.</summary>
public sealed class RawTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    private RawTcpServer(Func<TcpClient, CancellationToken, Task> session)
    {
        _listener.Start();
        _loop = AcceptLoopAsync(session);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when the first connection was accepted.</summary>
    public Task Accepted => _accepted.Task;

    /// <summary>Accepts connections and never writes a byte.</summary>
    public static RawTcpServer Silent() => new(static (_, _) => Task.CompletedTask);

    /// <summary>Accepts connections and closes them at once.</summary>
    public static RawTcpServer ClosesImmediately() => new(static (client, _) =>
    {
        client.Client.Close();
        return Task.CompletedTask;
    });

    /// <summary>Greets and answers EHLO like a server, then hangs up when the client says MAIL FROM.</summary>
    public static RawTcpServer ClosesAfterGreeting() => new(static async (client, cancellationToken) =>
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await stream.WriteAsync("220 raw.localhost ESMTP\r\n"u8.ToArray(), cancellationToken);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) || line.StartsWith("HELO", StringComparison.OrdinalIgnoreCase))
            {
                await stream.WriteAsync("250 raw.localhost\r\n"u8.ToArray(), cancellationToken);
                continue;
            }

            client.Client.Close();
            return;
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(Func<TcpClient, CancellationToken, Task> session)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            lock (_clients)
            {
                _clients.Add(client);
            }

            _accepted.TrySetResult();
            _ = Task.Run(async () =>
            {
                try
                {
                    await session(client, _stop.Token);
                }
                catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            });
        }
    }
}
