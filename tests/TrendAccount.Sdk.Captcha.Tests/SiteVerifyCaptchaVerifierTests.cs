using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace TrendAccount.Sdk.Captcha.Tests;

public sealed class SiteVerifyCaptchaVerifierTests : IAsyncLifetime
{
    private const string Secret = "stub-secret-7f3a9c";
    private const string Token = "customer-response-token-QW9Lx2";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new();
    private readonly List<ServiceProvider> _providers = [];
    private SiteVerifyStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SiteVerifyStub.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task VerifyAsync_ProviderSaysSuccess_ReturnsTrueAndPostsSecretResponseAndRemoteIp()
    {
        var (verifier, _) = Create();

        var verified = await verifier.VerifyAsync(Token, new ClientContext("203.0.113.9", "Test"), CancellationToken.None);

        Assert.True(verified);
        var form = Assert.Single(_stub.Received);
        Assert.Equal(Secret, form["secret"]);
        Assert.Equal(Token, form["response"]);
        Assert.Equal("203.0.113.9", form["remoteip"]);
        Assert.Equal(3, form.Count);
    }

    [Fact]
    public async Task VerifyAsync_UnknownClientAddress_OmitsRemoteIp()
    {
        var (verifier, _) = Create();

        var verified = await verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None);

        Assert.True(verified);
        var form = Assert.Single(_stub.Received);
        Assert.False(form.ContainsKey("remoteip"));
        Assert.Equal(Token, form["response"]);
    }

    [Fact]
    public async Task VerifyAsync_ClientKeyedByIPv6Network_OmitsRemoteIp()
    {
        var (verifier, _) = Create();

        var verified = await verifier.VerifyAsync(Token, new ClientContext("2001:db8:1:2::/64", "Test"), CancellationToken.None);

        Assert.True(verified);
        Assert.False(Assert.Single(_stub.Received).ContainsKey("remoteip"));
    }

    [Fact]
    public async Task VerifyAsync_ProviderSaysFailure_ReturnsFalseAndLogsErrorCodes()
    {
        _stub.Answer = StubAnswer.Failure;
        var (verifier, logs) = Create();

        var verified = await verifier.VerifyAsync(Token, new ClientContext("203.0.113.9"), CancellationToken.None);

        Assert.False(verified);
        Assert.Single(_stub.Received);
        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 6102);
        Assert.Contains("invalid-input-response", record.Message, StringComparison.Ordinal);
        AssertNoSecretsLogged(logs);
    }

    [Theory]
    [InlineData("{\"success\": tru")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"success\":\"yes\"}")]
    [InlineData("{\"hostname\":\"shop.example\"}")]
    [InlineData("null")]
    [InlineData("[true]")]
    [InlineData("")]
    public async Task VerifyAsync_MalformedAnswer_ReturnsFalseAndLogs(string body)
    {
        _stub.Answer = StubAnswer.MalformedJson;
        _stub.Body = body;
        var (verifier, logs) = Create();

        var verified = await verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None);

        Assert.False(verified);
        Assert.Single(_stub.Received);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 6105);
        AssertNoSecretsLogged(logs);
    }

    [Fact]
    public async Task VerifyAsync_ServerError_ReturnsFalseEvenWhenBodySaysSuccess()
    {
        _stub.Answer = StubAnswer.ServerError;
        var (verifier, logs) = Create();

        var verified = await verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None);

        Assert.False(verified);
        var record = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 6104);
        Assert.Contains("500", record.Message, StringComparison.Ordinal);
        AssertNoSecretsLogged(logs);
    }

    [Fact]
    public async Task VerifyAsync_ProviderHangs_ReturnsFalseOnceTheTimeoutPasses()
    {
        _stub.Answer = StubAnswer.Hang;
        var (verifier, logs) = Create(options => options.Timeout = TimeSpan.FromSeconds(3));

        var pending = verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None).AsTask();
        await _stub.HangStarted.WaitAsync(WaitLimit);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var verified = await pending.WaitAsync(WaitLimit);

        Assert.False(verified);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 6107);
        AssertNoSecretsLogged(logs);
    }

    [Fact]
    public async Task VerifyAsync_CallerCancelsWhileProviderHangs_ThrowsOperationCanceled()
    {
        _stub.Answer = StubAnswer.Hang;
        var (verifier, _) = Create();
        using var cancellation = new CancellationTokenSource();

        var pending = verifier.VerifyAsync(Token, ClientContext.Unknown, cancellation.Token).AsTask();
        await _stub.HangStarted.WaitAsync(WaitLimit);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(WaitLimit));
    }

    [Fact]
    public async Task VerifyAsync_ProviderUnreachable_ReturnsFalseAndLogs()
    {
        var (verifier, logs) = Create();
        await _stub.DisposeAsync();

        var verified = await verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None);

        Assert.False(verified);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 6108);
        AssertNoSecretsLogged(logs);
        _stub = await SiteVerifyStub.StartAsync();
    }

    [Fact]
    public async Task VerifyAsync_AnswerLargerThanLimit_ReturnsFalse()
    {
        _stub.Body = "{\"success\":true,\"pad\":\"" + new string('x', SiteVerifyCaptchaVerifier.MaxAnswerBytes) + "\"}";
        var (verifier, _) = Create();

        var verified = await verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None);

        Assert.False(verified);
        Assert.Single(_stub.Received);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task VerifyAsync_NoResponse_ReturnsFalseWithoutCallingTheProvider(string? response)
    {
        var (verifier, _) = Create();

        var verified = await verifier.VerifyAsync(response, ClientContext.Unknown, CancellationToken.None);

        Assert.False(verified);
        Assert.Empty(_stub.Received);
    }

    [Fact]
    public async Task VerifyAsync_OversizedResponseToken_ReturnsFalseWithoutCallingTheProvider()
    {
        var (verifier, logs) = Create();

        var verified = await verifier.VerifyAsync(new string('a', SiteVerifyCaptchaVerifier.MaxResponseTokenLength + 1), ClientContext.Unknown, CancellationToken.None);

        Assert.False(verified);
        Assert.Empty(_stub.Received);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 6101);
    }

    [Theory]
    [InlineData("shop.example", true)]
    [InlineData("SHOP.Example", true)]
    [InlineData("other.example", false)]
    public async Task VerifyAsync_ExpectedHostname_AcceptsOnlyThatHost(string expected, bool accepted)
    {
        var (verifier, _) = Create(options => options.ExpectedHostname = expected);

        var verified = await verifier.VerifyAsync(Token, ClientContext.Unknown, CancellationToken.None);

        Assert.Equal(accepted, verified);
    }

    [Fact]
    public async Task VerifyAsync_NullClient_Throws()
    {
        var (verifier, _) = Create();

        await Assert.ThrowsAsync<ArgumentNullException>(() => verifier.VerifyAsync(Token, null!, CancellationToken.None).AsTask());
    }

    private (ICaptchaVerifier Verifier, FakeLogCollector Logs) Create(Action<SiteVerifyCaptchaOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(_time);
        new TrendAccountBuilder(services).UseSiteVerifyCaptcha(options =>
        {
            options.VerifyUrl = _stub.VerifyUrl;
            options.Secret = Secret;
            options.Timeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return (provider.GetRequiredService<ICaptchaVerifier>(), provider.GetFakeLogCollector());
    }

    private static void AssertNoSecretsLogged(FakeLogCollector logs)
    {
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(pair => pair.Value) ?? []) + " " + record.Exception;
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }
    }
}
