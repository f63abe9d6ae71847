using System.Net;
using System.Net.Sockets;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

public sealed class PwnedPasswordsBreachScreenTests : IAsyncLifetime
{
    private const string Breached = "correct horse battery staple";
    private const string Clean = "a passphrase nobody has ever leaked 7f3a";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly List<ScreenHost> _hosts = [];
    private RangeServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RangeServer.StartAsync();
        _server.AddBreached(Breached, 3_861);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ScreenAsync_PasswordInCorpus_ReturnsBreachedAndSendsOnlyTheFivePrefixDigits()
    {
        var host = Create();

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
        var request = Assert.Single(_server.Received);
        var hash = RangeServer.Sha1Hex(Breached);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/range/" + hash[..5], request.Path);
        Assert.Equal("/range/" + hash[..5], request.RawTarget);
        Assert.Equal(string.Empty, request.Query);
        Assert.True(request.BodyLength is null or 0);
        Assert.Equal("true", request.Padding);
        Assert.Equal("breached/online/-", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_PasswordNotInCorpus_ReturnsNotBreached()
    {
        var host = Create();

        var result = await host.Screen.ScreenAsync(Clean, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.NotBreached, result.Status);
        Assert.Single(_server.Received);
        Assert.Equal("not_breached/online/-", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_SuffixOnlyAsPaddingLine_ReturnsNotBreached()
    {
        // A padding entry (count 0) that happens to carry the password's suffix must not refuse it.
        _server.AddHash(RangeServer.Sha1Hex(Clean), 0);
        var host = Create();

        var result = await host.Screen.ScreenAsync(Clean, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.NotBreached, result.Status);
        Assert.Equal("true", Assert.Single(_server.Received).Padding);
    }

    [Fact]
    public async Task ScreenAsync_PaddingTurnedOff_SendsNoPaddingHeaderAndStillMatches()
    {
        var host = Create(options => options.AddPadding = false);

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
        Assert.Null(Assert.Single(_server.Received).Padding);
    }

    [Theory]
    [InlineData(3, 4, BreachScreeningStatus.NotBreached)]
    [InlineData(4, 4, BreachScreeningStatus.Breached)]
    [InlineData(5, 4, BreachScreeningStatus.Breached)]
    [InlineData(1, 1, BreachScreeningStatus.Breached)]
    public async Task ScreenAsync_CountAgainstMinimumCount_RefusesOnlyAtOrAboveTheMinimum(long seen, int minimum, BreachScreeningStatus expected)
    {
        const string Password = "seen a few times only";
        _server.AddBreached(Password, seen);
        var host = Create(options => options.MinimumCount = minimum);

        var result = await host.Screen.ScreenAsync(Password, CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task ScreenAsync_NonAsciiPassword_HashesItsUtf8Bytes()
    {
        const string Password = "pässwörd-😀-パスワード";
        _server.AddBreached(Password, 2);
        var host = Create();

        var result = await host.Screen.ScreenAsync(Password, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
        Assert.Equal("/range/" + RangeServer.Sha1Hex(Password)[..5], Assert.Single(_server.Received).Path);
    }

    [Theory]
    [InlineData(PwnedPasswordsFailureMode.FailOpen, BreachScreeningStatus.NotBreached, "failed_open")]
    [InlineData(PwnedPasswordsFailureMode.FailClosed, BreachScreeningStatus.Unavailable, "failed_closed")]
    public async Task ScreenAsync_AnswerSlowerThanTimeout_GivesUpAtTheTimeoutAndAppliesTheFailureMode(PwnedPasswordsFailureMode mode, BreachScreeningStatus expected, string outcome)
    {
        _server.Answer = RangeAnswer.Hang;
        var host = Create(options =>
        {
            options.FailureMode = mode;
            options.Timeout = TimeSpan.FromSeconds(2);
        });

        var pending = host.Screen.ScreenAsync(Breached, CancellationToken.None).AsTask();
        await _server.HangStarted.WaitAsync(WaitLimit);
        host.Time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(pending.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await pending.WaitAsync(WaitLimit);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"{outcome}/online/timeout", host.LastCheck());
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 7100);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("timeout", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenAsync_ServerErrorOnEveryRetry_GivesUpWithinTheOneTimeout()
    {
        // Retries wait on the injected clock; the overall deadline still ends the check.
        _server.Answer = RangeAnswer.ServerError;
        var host = Create(options =>
        {
            options.MaxRetries = 5;
            options.RetryDelay = TimeSpan.FromSeconds(1);
            options.Timeout = TimeSpan.FromSeconds(2);
        });

        var pending = host.Screen.ScreenAsync(Breached, CancellationToken.None).AsTask();
        await _server.FirstRequest.WaitAsync(WaitLimit);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(WaitLimit);

        Assert.Equal(BreachScreeningStatus.NotBreached, result.Status);
        Assert.StartsWith("failed_open/online/", host.LastCheck(), StringComparison.Ordinal);
        Assert.InRange(_server.Received.Count, 1, 6);
    }

    [Theory]
    [InlineData(PwnedPasswordsFailureMode.FailOpen, BreachScreeningStatus.NotBreached, "failed_open")]
    [InlineData(PwnedPasswordsFailureMode.FailClosed, BreachScreeningStatus.Unavailable, "failed_closed")]
    public async Task ScreenAsync_ServerError_AppliesTheFailureModeAndLogsTheStatus(PwnedPasswordsFailureMode mode, BreachScreeningStatus expected, string outcome)
    {
        _server.Answer = RangeAnswer.ServerError;
        var host = Create(options =>
        {
            options.FailureMode = mode;
            options.MaxRetries = 0;
        });

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"{outcome}/online/http_error", host.LastCheck());
        Assert.Contains("HTTP 500", Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 7100).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenAsync_ServerErrorThenAnswer_RetriesAndFindsThePassword()
    {
        _server.FailFirst = 1;
        var host = Create(options =>
        {
            options.MaxRetries = 1;
            options.RetryDelay = TimeSpan.Zero;
        });

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None).AsTask().WaitAsync(WaitLimit);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
        Assert.Equal(2, _server.Received.Count);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:ten")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D6:10")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65X:10")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88G65:10")]
    [InlineData("0018A45C4D1DEF81644B54AB7F969B88D65:10\r\nnot a line\r\n")]
    [InlineData("{\"suffix\":\"0018A45C4D1DEF81644B54AB7F969B88D65\",\"count\":10}")]
    public async Task ScreenAsync_GarbageAnswer_CountsAsAFailureNotAsNotFound(string body)
    {
        _server.Answer = RangeAnswer.Garbage;
        _server.Body = body;
        var host = Create(options => options.FailureMode = PwnedPasswordsFailureMode.FailClosed);

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Unavailable, result.Status);
        Assert.Equal("failed_closed/online/malformed", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_OversizedAnswer_CountsAsAFailure()
    {
        _server.Answer = RangeAnswer.Garbage;
        _server.Body = string.Concat(Enumerable.Repeat("0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n", (PwnedPasswordsBreachScreen.MaxAnswerBytes / 40) + 10));
        var host = Create(options => options.FailureMode = PwnedPasswordsFailureMode.FailClosed);

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Unavailable, result.Status);
        Assert.Equal("failed_closed/online/oversized", host.LastCheck());
    }

    [Theory]
    [InlineData(PwnedPasswordsFailureMode.FailOpen, BreachScreeningStatus.NotBreached, "failed_open")]
    [InlineData(PwnedPasswordsFailureMode.FailClosed, BreachScreeningStatus.Unavailable, "failed_closed")]
    public async Task ScreenAsync_ConnectionRefused_AppliesTheFailureMode(PwnedPasswordsFailureMode mode, BreachScreeningStatus expected, string outcome)
    {
        var closedPort = FreeLoopbackPort();
        var host = Create(options =>
        {
            options.BaseUrl = new Uri($"http://127.0.0.1:{closedPort}/");
            options.FailureMode = mode;
            options.MaxRetries = 0;
        });

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None).AsTask().WaitAsync(WaitLimit);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"{outcome}/online/unreachable", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_SamePrefixAgain_IsAnsweredFromTheCacheUntilItsLifetimeEnds()
    {
        var host = Create(options => options.CacheLifetime = TimeSpan.FromMinutes(10));

        Assert.Equal(BreachScreeningStatus.Breached, (await host.Screen.ScreenAsync(Breached, CancellationToken.None)).Status);
        Assert.Equal(BreachScreeningStatus.Breached, (await host.Screen.ScreenAsync(Breached, CancellationToken.None)).Status);
        Assert.Equal("breached/cache/-", host.LastCheck());
        Assert.Single(_server.Received);

        host.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(BreachScreeningStatus.Breached, (await host.Screen.ScreenAsync(Breached, CancellationToken.None)).Status);

        Assert.Equal(2, _server.Received.Count);
        Assert.Equal("breached/online/-", host.LastCheck());
    }

    [Fact]
    public async Task ScreenAsync_MorePrefixesThanCacheSize_DropsTheLeastRecentlyUsed()
    {
        var host = Create(options => options.CacheSize = 1);

        await host.Screen.ScreenAsync(Breached, CancellationToken.None);
        await host.Screen.ScreenAsync(Clean, CancellationToken.None);
        await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(3, _server.Received.Count);
    }

    [Fact]
    public async Task ScreenAsync_FailedLookup_IsNotCached()
    {
        _server.Answer = RangeAnswer.ServerError;
        var host = Create(options => options.MaxRetries = 0);
        await host.Screen.ScreenAsync(Breached, CancellationToken.None);
        _server.Answer = RangeAnswer.Corpus;

        var result = await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal(BreachScreeningStatus.Breached, result.Status);
        Assert.Equal(2, _server.Received.Count);
    }

    [Fact]
    public async Task ScreenAsync_CallerCancels_Throws()
    {
        _server.Answer = RangeAnswer.Hang;
        var host = Create();
        using var cancellation = new CancellationTokenSource();

        var pending = host.Screen.ScreenAsync(Breached, cancellation.Token).AsTask();
        await _server.HangStarted.WaitAsync(WaitLimit);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(WaitLimit));
    }

    [Fact]
    public async Task ScreenAsync_AnyOutcome_LogsNeitherThePasswordNorItsHashNorThePrefix()
    {
        var host = Create(options => options.MaxRetries = 0);
        await host.Screen.ScreenAsync(Breached, CancellationToken.None);
        _server.Answer = RangeAnswer.ServerError;
        await host.Screen.ScreenAsync(Clean, CancellationToken.None);

        var text = string.Join("\n", host.Logs.GetSnapshot().Select(r => r.Message + " " + string.Join(",", r.StructuredState?.Select(p => p.Value) ?? [])));
        Assert.NotEmpty(host.Logs.GetSnapshot());
        foreach (var password in new[] { Breached, Clean })
        {
            var hash = RangeServer.Sha1Hex(password);
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(hash[..5], text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hash[5..], text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ScreenAsync_BaseUrlWithPathAndNoTrailingSlash_AsksUnderThatPath()
    {
        var host = Create(options => options.BaseUrl = new Uri(_server.BaseUrl, "/mirror/v1"));

        await host.Screen.ScreenAsync(Breached, CancellationToken.None);

        Assert.Equal("/mirror/v1/range/" + RangeServer.Sha1Hex(Breached)[..5], Assert.Single(_server.Received).Path);
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private ScreenHost Create(Action<PwnedPasswordsOptions>? configure = null)
    {
        var host = ScreenHost.Create(options =>
        {
            options.BaseUrl = _server.BaseUrl;
            configure?.Invoke(options);
        });
        _hosts.Add(host);
        return host;
    }
}
