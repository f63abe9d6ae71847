using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrendAccount.Sdk.Captcha.Tests;

/// <summary>What the stub answers.</summary>
public enum StubAnswer
{
    Success,
    Failure,
    MalformedJson,
    ServerError,
    Hang,
}

/// <summary>A site-verify endpoint on 127.0.0.1 (Kestrel, free port) that records every form it receives.</summary>
public sealed class SiteVerifyStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _hangStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiteVerifyStub(WebApplication app, Uri baseAddress)
    {
        _app = app;
        VerifyUrl = new Uri(baseAddress, "/siteverify");
    }

    public Uri VerifyUrl { get; }

    public StubAnswer Answer { get; set; } = StubAnswer.Success;

    /// <summary>Gets or sets the body sent with <see cref="StubAnswer.MalformedJson"/> (or any body to send with 200).</summary>
    public string? Body { get; set; }

    public string Hostname { get; set; } = "shop.example";

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Received { get; } = new();

    /// <summary>Completes when a request reached the <see cref="StubAnswer.Hang"/> branch.</summary>
    public Task HangStarted => _hangStarted.Task;

    public static async Task<SiteVerifyStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        SiteVerifyStub? stub = null;
        app.MapPost("/siteverify", (HttpContext context) => stub!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Urls.Single();
        stub = new SiteVerifyStub(app, new Uri(address));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        Received.Enqueue(form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal));
        switch (Answer)
        {
            case StubAnswer.Success:
                await WriteJsonAsync(context, Body ?? $$"""{"success":true,"challenge_ts":"2026-01-01T00:00:00Z","hostname":"{{Hostname}}"}""");
                break;
            case StubAnswer.Failure:
                await WriteJsonAsync(context, Body ?? """{"success":false,"error-codes":["invalid-input-response","timeout-or-duplicate"]}""");
                break;
            case StubAnswer.MalformedJson:
                await WriteJsonAsync(context, Body ?? "{\"success\": tru");
                break;
            case StubAnswer.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("""{"success":true}""", context.RequestAborted);
                break;
            case StubAnswer.Hang:
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

    private static Task WriteJsonAsync(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
