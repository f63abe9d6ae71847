using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrendAccount.Sdk.Captcha;

/// <summary>
/// Verifies a captcha on the server through the site-verify call that Google reCAPTCHA, hCaptcha and Cloudflare
/// Turnstile share: a form POST of <c>secret</c>, <c>response</c> and <c>remoteip</c> to
/// <see cref="SiteVerifyCaptchaOptions.VerifyUrl"/>, answered with JSON whose <c>success</c> says whether the
/// customer solved the challenge. Thread-safe; register it with <c>UseSiteVerifyCaptcha(...)</c>.
/// </summary>
/// <remarks>
/// Every failure — a refused answer, an HTTP error, a malformed or oversized answer, an unreachable provider or a
/// call slower than <see cref="SiteVerifyCaptchaOptions.Timeout"/> — returns <see langword="false"/> and is logged, so a
/// provider outage fails closed (the captcha step cannot be skipped) without an exception reaching the flow.
/// Neither the secret nor the customer's response token ever reaches the log.
/// </remarks>
public sealed partial class SiteVerifyCaptchaVerifier : ICaptchaVerifier
{
    /// <summary>The name of the <see cref="HttpClient"/> the verifier asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "TrendAccount.Sdk.Captcha.SiteVerify";

    /// <summary>The longest response token sent to the provider (8192 characters); longer ones are refused unsent.</summary>
    public const int MaxResponseTokenLength = 8192;

    /// <summary>The largest answer body read from the provider (64 KiB); a larger one counts as not verified.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private const int MaxLoggedErrorCodesLength = 200;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<SiteVerifyCaptchaOptions> _options;
    private readonly ILogger<SiteVerifyCaptchaVerifier> _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="SiteVerifyCaptchaVerifier"/> class.</summary>
    /// <param name="httpClientFactory">The factory of the <see cref="HttpClientName"/> client.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="timeProvider">The clock the timeout runs on; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public SiteVerifyCaptchaVerifier(
        IHttpClientFactory httpClientFactory,
        IOptions<SiteVerifyCaptchaOptions> options,
        ILogger<SiteVerifyCaptchaVerifier> logger,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (a timeout is not an exception).</exception>
    public async ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();

        if (string.IsNullOrWhiteSpace(response))
        {
            LogMissingResponse();
            return false;
        }

        if (response.Length > MaxResponseTokenLength)
        {
            LogOversizedResponse(response.Length);
            return false;
        }

        var options = _options.Value;
        var fields = new List<KeyValuePair<string, string>>(3)
        {
            new("secret", options.Secret!),
            new("response", response),
        };
        // Only a single address: TrendAccount.Sdk.AspNetCore keys IPv6 clients by their /64 network
        // (2001:db8:1:2::/64), which is no remoteip a provider accepts; remoteip is optional.
        if (System.Net.IPAddress.TryParse(client.IpAddress, out _))
        {
            fields.Add(new("remoteip", client.IpAddress!));
        }

        using var timeout = new CancellationTokenSource(options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var http = _httpClientFactory.CreateClient(HttpClientName);
            using var content = new FormUrlEncodedContent(fields);
            using var answer = await http.PostAsync(options.VerifyUrl, content, linked.Token).ConfigureAwait(false);
            if (!answer.IsSuccessStatusCode)
            {
                LogHttpError((int)answer.StatusCode);
                return false;
            }

            if (answer.Content.Headers.ContentLength > MaxAnswerBytes)
            {
                LogOversizedAnswer();
                return false;
            }

            var body = await answer.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (body.Length > MaxAnswerBytes)
            {
                LogOversizedAnswer();
                return false;
            }

            var parsed = JsonSerializer.Deserialize(body, SiteVerifyJsonContext.Default.SiteVerifyAnswer);
            return Judge(parsed, options);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(options.Timeout);
            return false;
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(exception.HttpRequestError, exception.StatusCode is { } status ? (int)status : 0);
            return false;
        }
        catch (JsonException)
        {
            LogMalformedAnswer();
            return false;
        }
    }

    private bool Judge(SiteVerifyAnswer? answer, SiteVerifyCaptchaOptions options)
    {
        if (answer?.Success is not { } success)
        {
            LogMalformedAnswer();
            return false;
        }

        if (!success)
        {
            LogRefused(FormatErrorCodes(answer.ErrorCodes));
            return false;
        }

        if (options.ExpectedHostname is { } expected
            && !string.Equals(answer.Hostname, expected, StringComparison.OrdinalIgnoreCase))
        {
            LogWrongHostname();
            return false;
        }

        return true;
    }

    private static string FormatErrorCodes(IReadOnlyList<string>? codes)
    {
        if (codes is null || codes.Count == 0)
        {
            return "none";
        }

        var joined = string.Join(',', codes);
        return joined.Length <= MaxLoggedErrorCodesLength ? joined : joined[..MaxLoggedErrorCodesLength];
    }

    [LoggerMessage(EventId = 6100, EventName = "CaptchaResponseMissing", Level = LogLevel.Information,
        Message = "Captcha not verified: the customer sent no response.")]
    private partial void LogMissingResponse();

    [LoggerMessage(EventId = 6101, EventName = "CaptchaResponseOversized", Level = LogLevel.Warning,
        Message = "Captcha not verified: the response token is {Length} characters long, more than the limit; it was not sent.")]
    private partial void LogOversizedResponse(int length);

    [LoggerMessage(EventId = 6102, EventName = "CaptchaRefused", Level = LogLevel.Information,
        Message = "Captcha not verified: the provider refused it (error codes: {ErrorCodes}).")]
    private partial void LogRefused(string errorCodes);

    [LoggerMessage(EventId = 6103, EventName = "CaptchaHostnameMismatch", Level = LogLevel.Warning,
        Message = "Captcha not verified: the provider reports it was solved on another host name than the one expected.")]
    private partial void LogWrongHostname();

    [LoggerMessage(EventId = 6104, EventName = "CaptchaProviderHttpError", Level = LogLevel.Warning,
        Message = "Captcha not verified: the verify endpoint answered HTTP {StatusCode}.")]
    private partial void LogHttpError(int statusCode);

    [LoggerMessage(EventId = 6105, EventName = "CaptchaProviderMalformedAnswer", Level = LogLevel.Warning,
        Message = "Captcha not verified: the verify endpoint's answer is not the expected JSON with a boolean 'success'.")]
    private partial void LogMalformedAnswer();

    [LoggerMessage(EventId = 6106, EventName = "CaptchaProviderOversizedAnswer", Level = LogLevel.Warning,
        Message = "Captcha not verified: the verify endpoint's answer is larger than the limit.")]
    private partial void LogOversizedAnswer();

    [LoggerMessage(EventId = 6107, EventName = "CaptchaProviderTimeout", Level = LogLevel.Warning,
        Message = "Captcha not verified: the verify endpoint did not answer within {Timeout}.")]
    private partial void LogTimeout(TimeSpan timeout);

    [LoggerMessage(EventId = 6108, EventName = "CaptchaProviderUnreachable", Level = LogLevel.Warning,
        Message = "Captcha not verified: the verify endpoint could not be reached ({Error}, HTTP status {StatusCode}).")]
    private partial void LogUnreachable(HttpRequestError error, int statusCode);
}
