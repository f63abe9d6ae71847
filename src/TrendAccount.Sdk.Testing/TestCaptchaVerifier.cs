namespace TrendAccount.Sdk.Testing;

/// <summary>
/// A captcha verifier FOR TESTS AND SAMPLES ONLY: it accepts exactly <see cref="ValidResponse"/> (or the answer given
/// to the constructor) and counts the calls. Never register it in production — it stops no bot.
/// </summary>
public sealed class TestCaptchaVerifier : ICaptchaVerifier
{
    /// <summary>The response the default instance accepts.</summary>
    public const string ValidResponse = "test-captcha-ok";

    private readonly string _expected;
    private int _calls;

    /// <summary>Initializes a new instance of the <see cref="TestCaptchaVerifier"/> class that accepts <see cref="ValidResponse"/>.</summary>
    public TestCaptchaVerifier()
        : this(ValidResponse)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TestCaptchaVerifier"/> class.</summary>
    /// <param name="expectedResponse">The one response to accept.</param>
    public TestCaptchaVerifier(string expectedResponse)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedResponse);
        _expected = expectedResponse;
    }

    /// <summary>Gets how many times <see cref="VerifyAsync"/> was called.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public ValueTask<bool> VerifyAsync(string? response, ClientContext client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(string.Equals(response, _expected, StringComparison.Ordinal));
    }
}
