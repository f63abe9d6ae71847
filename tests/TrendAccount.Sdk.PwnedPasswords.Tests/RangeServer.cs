using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

/// <summary>How the range server answers.</summary>
public enum RangeAnswer
{
    /// <summary>The corpus' lines for the prefix, padded when asked.</summary>
    Corpus,

    /// <summary>HTTP 500.</summary>
    ServerError,

    /// <summary>HTTP 200 with <see cref="RangeServer.Body"/>.</summary>
    Garbage,

    /// <summary>Never answers until the client gives up.</summary>
    Hang,
}

/// <summary>One request the server received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, string? Padding, long? BodyLength, string RawTarget);

/// <summary>
/// A range endpoint on 127.0.0.1 (Kestrel, free port) speaking the k-anonymity protocol over an in-memory corpus:
/// <c>GET /range/{prefix}</c> answers <c>SUFFIX:COUNT</c> lines, plus count-0 padding lines when the request carries
/// <c>Add-Padding: true</c>. Records every request.
/// </summary>
public sealed class RangeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> _corpus = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _hangStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresLeft;

    private RangeServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public RangeAnswer Answer { get; set; } = RangeAnswer.Corpus;

    public string Body { get; set; } = string.Empty;

    /// <summary>Gets or sets how many requests answer 500 before <see cref="Answer"/> applies.</summary>
    public int FailFirst
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    /// <summary>Gets or sets how many padding lines to add to a padded answer.</summary>
    public int PaddingLines { get; set; } = 40;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public Task HangStarted => _hangStarted.Task;

    /// <summary>Completes when the first request arrived.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public static async Task<RangeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        RangeServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        server = new RangeServer(app, new Uri(app.Urls.Single()));
        return server;
    }

    /// <summary>The SHA-1 of a password in upper-case hex, as the protocol uses it.</summary>
    public static string Sha1Hex(string password) =>
#pragma warning disable CA5350 // the protocol's index
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350

    /// <summary>Adds a password to the corpus with how often it was seen.</summary>
    public void AddBreached(string password, long count) => AddHash(Sha1Hex(password), count);

    public void AddHash(string hash, long count) =>
        _corpus.GetOrAdd(hash[..5], _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal))[hash[5..]] = count;

    /// <summary>The lines the corpus holds for a prefix, plus unrelated neighbours so the answer is never trivially small.</summary>
    public string LinesFor(string prefix, bool padded)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            // Real-looking neighbours under the same prefix, seen a few times, that match no test password.
            lines.Append(Neighbour(i)).Append(':').Append(i + 1).Append("\r\n");
        }

        if (_corpus.TryGetValue(prefix, out var entries))
        {
            foreach (var (suffix, count) in entries)
            {
                lines.Append(suffix).Append(':').Append(count).Append("\r\n");
            }
        }

        if (padded)
        {
            for (var i = 0; i < PaddingLines; i++)
            {
                lines.Append(Convert.ToHexString(RandomNumberGenerator.GetBytes(18))[1..]).Append(":0\r\n");
            }
        }

        return lines.ToString();

        static string Neighbour(int i) => "F" + i.ToString("D34", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var padding = request.Headers.TryGetValue("Add-Padding", out var value) ? value.ToString() : null;
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? request.Path;
        Received.Enqueue(new ReceivedRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, padding, request.ContentLength, rawTarget));
        _firstRequest.TrySetResult();

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        switch (Answer)
        {
            case RangeAnswer.Corpus:
                var path = request.Path.Value ?? string.Empty;
                if (request.Method != HttpMethods.Get || !path.StartsWith("/range/", StringComparison.Ordinal) || path.Length != "/range/".Length + 5)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }

                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(LinesFor(path[^5..], string.Equals(padding, "true", StringComparison.OrdinalIgnoreCase)), context.RequestAborted);
                break;
            case RangeAnswer.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("oops", context.RequestAborted);
                break;
            case RangeAnswer.Garbage:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(Body, context.RequestAborted);
                break;
            case RangeAnswer.Hang:
                _hangStarted.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up: what the test waits for.
                }

                break;
            default:
                throw new InvalidOperationException(Answer.ToString());
        }
    }
}
