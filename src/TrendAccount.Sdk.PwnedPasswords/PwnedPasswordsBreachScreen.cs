using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TrendAccount.Sdk.PwnedPasswords.Internal;

namespace TrendAccount.Sdk.PwnedPasswords;

/// <summary>
/// Screens new passwords against the Pwned Passwords corpus through its k-anonymity range protocol, online or from a
/// local folder of range files. Thread-safe; register it with <c>UsePwnedPasswords(...)</c> on the SDK builder.
/// </summary>
/// <remarks>
/// <para>
/// The protocol: the password's SHA-1 (of its UTF-8 bytes) in upper-case hex is split into a 5-digit prefix and a
/// 35-digit suffix. Only the prefix is sent, as <c>GET {BaseUrl}range/{prefix}</c>; the service answers with every
/// suffix it knows under that prefix (hundreds) and how often each was seen, and the suffix is looked for here, each
/// entry compared in fixed time. Neither the password nor its full hash leaves the process or reaches the log.
/// With <see cref="PwnedPasswordsOptions.AddPadding"/> the request carries <c>Add-Padding: true</c> and the padding
/// entries (count 0) are ignored. In offline mode the same answer is read from <c>{OfflineDirectory}/{prefix}.txt</c>.
/// </para>
/// <para>
/// Answers are cached per prefix (see <see cref="PwnedPasswordsOptions.CacheSize"/> and
/// <see cref="PwnedPasswordsOptions.CacheLifetime"/>). A screening never takes longer than
/// <see cref="PwnedPasswordsOptions.Timeout"/>, retries included. When there is no usable answer — timeout, HTTP
/// error, garbage, oversized answer, unreachable service, open circuit, missing or unreadable file — a warning is
/// logged (event 7100), the <see cref="PwnedPasswordsDiagnostics.ChecksCounter"/> counter is tagged with the reason,
/// and <see cref="PwnedPasswordsOptions.FailureMode"/> decides: fail open (the password passes) or fail closed
/// (<see cref="BreachScreeningResult.Unavailable"/>).
/// </para>
/// </remarks>
public sealed partial class PwnedPasswordsBreachScreen : IBreachedPasswordScreen, IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> the screen asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "TrendAccount.Sdk.PwnedPasswords";

    /// <summary>The request header that asks for padded answers.</summary>
    public const string PaddingHeaderName = "Add-Padding";

    /// <summary>The largest answer read, online or from a file (1 MiB; real answers are about 30–40 KiB); a larger one counts as a failure.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    private const string Online = "online";
    private const string Offline = "offline";
    private const string Cache = "cache";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly PwnedPasswordsOptions _options;
    private readonly ILogger<PwnedPasswordsBreachScreen> _logger;
    private readonly TimeProvider _time;
    private readonly PwnedPasswordsMetrics _metrics;
    private readonly RangeCache _cache;
    private readonly Uri? _rangeBase;

    /// <summary>Initializes a new instance of the <see cref="PwnedPasswordsBreachScreen"/> class.</summary>
    /// <param name="httpClientFactory">The factory of the <see cref="HttpClientName"/> client (not used offline).</param>
    /// <param name="options">The options; read once, here (and validated when read).</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock of the timeout and the cache; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="meterFactory">The host's meter factory; a meter of the screen's own when <see langword="null"/>.</param>
    public PwnedPasswordsBreachScreen(
        IHttpClientFactory httpClientFactory,
        IOptions<PwnedPasswordsOptions> options,
        ILogger<PwnedPasswordsBreachScreen> logger,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new PwnedPasswordsMetrics(meterFactory);
        _cache = new RangeCache(_options.CacheSize, _options.CacheLifetime, _time);
        if (_options.OfflineDirectory is null && _options.BaseUrl is { } baseUrl)
        {
            var withSlash = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            _rangeBase = new Uri(withSlash, "range/");
        }
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a timeout is not an exception).</exception>
    public async ValueTask<BreachScreeningResult> ScreenAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        cancellationToken.ThrowIfCancellationRequested();

        var suffix = new byte[RangeSuffixes.PackedLength];
        var prefix = RangeSuffixes.HashPassword(password, suffix);
        if (_cache.TryGet(prefix, out var cached))
        {
            return Judge(cached.Contains(suffix), Cache);
        }

        var source = _rangeBase is null ? Offline : Online;
        var lookup = await LookUpAsync(prefix, source, cancellationToken).ConfigureAwait(false);
        if (lookup.Suffixes is not { } suffixes)
        {
            return Fail(source, lookup.FailureReason!, lookup.Detail);
        }

        _cache.Add(prefix, suffixes);
        return Judge(suffixes.Contains(suffix), source);
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();

    private async Task<RangeLookup> LookUpAsync(string prefix, string source, CancellationToken cancellationToken)
    {
        // One deadline for everything — connecting, every retry and its wait, reading the answer or the file — on the
        // injected clock, so the customer never waits longer than the timeout.
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return source == Offline
                ? await ReadFileAsync(prefix, linked.Token).ConfigureAwait(false)
                : await FetchAsync(prefix, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RangeLookup.Failed("timeout", $"no answer within {_options.Timeout}");
        }
        catch (TimeoutRejectedException)
        {
            return RangeLookup.Failed("timeout", "an attempt timed out");
        }
        catch (BrokenCircuitException)
        {
            return RangeLookup.Failed("circuit_open", "recent requests failed; not asking again yet");
        }
        catch (HttpRequestException exception)
        {
            return RangeLookup.Failed("unreachable", exception.HttpRequestError.ToString());
        }
        catch (FileNotFoundException)
        {
            return RangeLookup.Failed("missing_file", "no range file for the prefix; the folder is incomplete");
        }
        catch (DirectoryNotFoundException)
        {
            return RangeLookup.Failed("missing_file", "the offline folder is gone");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return RangeLookup.Failed("unreadable", exception.GetType().Name);
        }
    }

    private async Task<RangeLookup> FetchAsync(string prefix, CancellationToken cancellationToken)
    {
        var http = _httpClientFactory.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_rangeBase!, prefix));
        if (_options.AddPadding)
        {
            request.Headers.TryAddWithoutValidation(PaddingHeaderName, "true");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return RangeLookup.Failed("http_error", $"HTTP {(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            return RangeLookup.Failed("oversized", $"{response.Content.Headers.ContentLength} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await ReadBoundedAsync(stream, cancellationToken).ConfigureAwait(false);
            return Parse(body);
        }
    }

    private async Task<RangeLookup> ReadFileAsync(string prefix, CancellationToken cancellationToken)
    {
        // The prefix is 5 hex digits made here, never input, so the path cannot leave the folder.
        var path = Path.Combine(_options.OfflineDirectory!, prefix + ".txt");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length > MaxAnswerBytes)
            {
                return RangeLookup.Failed("oversized", $"{stream.Length} bytes");
            }

            var body = await ReadBoundedAsync(stream, cancellationToken).ConfigureAwait(false);
            return Parse(body);
        }
    }

    /// <summary>Reads at most one byte more than <see cref="MaxAnswerBytes"/>; <see langword="null"/> when there is more.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxAnswerBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private RangeLookup Parse(byte[]? body)
    {
        if (body is null)
        {
            return RangeLookup.Failed("oversized", $"more than {MaxAnswerBytes} bytes");
        }

        return RangeSuffixes.TryParse(body, _options.MinimumCount, out var suffixes)
            ? RangeLookup.Found(suffixes)
            : RangeLookup.Failed("malformed", "not SUFFIX:COUNT lines");
    }

    private BreachScreeningResult Judge(bool breached, string source)
    {
        _metrics.Check(breached ? "breached" : "not_breached", source);
        return breached ? BreachScreeningResult.Breached : BreachScreeningResult.NotBreached;
    }

    private BreachScreeningResult Fail(string source, string reason, string? detail)
    {
        if (_options.FailureMode == PwnedPasswordsFailureMode.FailClosed)
        {
            _metrics.Check("failed_closed", source, reason);
            LogFailed(source, reason, detail ?? reason, "refused: fail closed");
            return BreachScreeningResult.Unavailable;
        }

        _metrics.Check("failed_open", source, reason);
        LogFailed(source, reason, detail ?? reason, "accepted unscreened: fail open");
        return BreachScreeningResult.NotBreached;
    }

    [LoggerMessage(EventId = 7100, EventName = "PwnedPasswordsCheckFailed", Level = LogLevel.Warning,
        Message = "Breached-password screening ({Source}) got no usable answer ({Reason}: {Detail}); the new password was {Decision}.")]
    private partial void LogFailed(string source, string reason, string detail, string decision);
}
