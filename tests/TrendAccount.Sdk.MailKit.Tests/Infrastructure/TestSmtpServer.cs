using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace TrendAccount.Sdk.MailKit.Tests.Infrastructure;

/// <summary>A message as the test server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedMessage(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, byte[] Raw, MimeMessage Message, string? AuthenticatedUser, bool Secure);

/// <summary>What the test server does.</summary>
public sealed class TestSmtpServerOptions
{
    /// <summary>Recipients for which RCPT TO is refused (550).</summary>
    public Func<string, bool> RefuseRecipient { get; init; } = static _ => false;

    /// <summary>The reply to DATA instead of 250, such as 554 or 451.</summary>
    public SmtpResponse? DataReply { get; init; }

    /// <summary>Credentials the server requires (AUTH over clear text allowed, for loopback tests).</summary>
    public (string User, string Password)? RequiredCredentials { get; init; }

    /// <summary>The certificate for STARTTLS (or implicit TLS with <see cref="ImplicitTls"/>).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>TLS from the first byte.</summary>
    public bool ImplicitTls { get; init; }
}

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, keeping what it receives.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private readonly ConcurrentQueue<(string User, string Password)> _logins = new();
    private Task _running = Task.CompletedTask;

    private TestSmtpServer()
    {
    }

    public int Port { get; private set; }

    public IReadOnlyList<ReceivedMessage> Received => _received.ToArray();

    public IReadOnlyList<(string User, string Password)> Logins => _logins.ToArray();

    public static async Task<TestSmtpServer> StartAsync(TestSmtpServerOptions? options = null)
    {
        options ??= new TestSmtpServerOptions();
        var server = new TestSmtpServer();
        var endpoint = new EndpointDefinitionBuilder()
            .Endpoint(new IPEndPoint(IPAddress.Loopback, 0))
            .IsSecure(options.ImplicitTls)
            .SessionTimeout(TimeSpan.FromSeconds(30));
        if (options.Certificate is not null)
        {
            endpoint.Certificate(options.Certificate);
        }

        if (options.RequiredCredentials is not null)
        {
            endpoint.AuthenticationRequired().AllowUnsecureAuthentication();
        }

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("test.localhost")
            .Endpoint(endpoint.Build())
            .Build();

        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new Store(server, options));
        services.Add(new Filter(options));
        if (options.RequiredCredentials is { } required)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) =>
            {
                server._logins.Enqueue((user, password));
                return user == required.User && password == required.Password;
            }));
        }

        var host = new SmtpServerHost(serverOptions, services);
        server._running = host.StartAsync(server._stop.Token);
        server.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(TestSmtpServer server, TestSmtpServerOptions options) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (options.DataReply is { } reply)
            {
                return reply;
            }

            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server._received.Enqueue(new ReceivedMessage(
                transaction.From.AsAddress(),
                transaction.To.Select(static m => m.AsAddress()).ToArray(),
                raw,
                message,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null,
                context.Pipe.IsSecure));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServerOptions options) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!options.RefuseRecipient(to.AsAddress()));
    }
}
