using TrendAccount.Sdk.Redis.Tests.Infrastructure;

namespace TrendAccount.Sdk.Redis.Tests.MultiNode;

/// <summary>
/// Issue #13, many nodes: two service providers (two nodes) share one Redis and one account store. The per-client
/// sign-in limit (and a recovery limit) holds once across both, not twice, and the captcha step-up counts the failures
/// made on both.
/// </summary>
[RedisTests]
public sealed class TwoNodeLimitTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private const int PerClientLimit = 4;
    private readonly SharedStores _stores = new();
    private readonly string _prefix = TestRedis.NewPrefix();
    private readonly string _email = $"node.{Guid.NewGuid():N}@example.com";
    private Node _a = null!;
    private Node _b = null!;

    public async Task InitializeAsync()
    {
        var redis = TestRedis.Require();
        _a = Node.Create(o => Configure(o, redis), _stores, Options);
        _b = Node.Create(o => Configure(o, redis), _stores, Options);
        await _a.RegisterAsync(_email, Password);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task SignInAsync_PerClientLimitOnTwoNodes_HoldsOnceAcrossBoth()
    {
        var statuses = new List<SignInStatus>();
        for (var i = 0; i < 2 * PerClientLimit + 2; i++)
        {
            var node = i % 2 == 0 ? _a : _b;
            statuses.Add((await node.SignInAsync(_email, Password, "198.51.100.40")).Status);
        }

        // Per-process counters would let 2 × 4 = 8 through; one shared window lets 4.
        Assert.Equal(PerClientLimit, statuses.Count(s => s == SignInStatus.Succeeded));
        Assert.All(statuses.Skip(PerClientLimit), s => Assert.Equal(SignInStatus.TryAgainLater, s));
    }

    [Fact]
    public async Task SignInAsync_FailuresSplitOverTwoNodes_StepUpCountsBoth()
    {
        // Five wrong passwords (the default lockout threshold), three on one node and two on the other, each from
        // another client: neither node saw five.
        for (var i = 0; i < LockoutOptions.DefaultMaximumFailedAttempts; i++)
        {
            var node = i < 3 ? _a : _b;
            Assert.Equal(SignInStatus.Failed, (await node.SignInAsync(_email, "guess " + i, $"203.0.113.{i + 1}")).Status);
        }

        var onB = await _b.SignInAsync(_email, Password, "198.51.100.50");
        var onA = await _a.SignInAsync(_email, Password, "198.51.100.51");
        var withCaptcha = await _b.SignInAsync(_email, Password, "198.51.100.50", Testing.TestCaptchaVerifier.ValidResponse);

        Assert.Equal(SignInStatus.CaptchaRequired, onB.Status);
        Assert.Equal(SignInStatus.CaptchaRequired, onA.Status);
        Assert.True(withCaptcha.Succeeded, withCaptcha.Message);
    }

    [Fact]
    public async Task RecoverEmailAsync_PerClientLimitOnTwoNodes_HoldsOnceAcrossBoth()
    {
        // The recovery limits count in the same port: "forgot which address" from one client, alternating nodes.
        var statuses = new List<EmailRecoveryStatus>();
        for (var i = 0; i < 2 * PerClientLimit + 2; i++)
        {
            var node = i % 2 == 0 ? _a : _b;
            var request = new EmailRecoveryRequest("PQRS-0000-0000-0000-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Testing.TestCaptchaVerifier.ValidResponse, new ClientContext("198.51.100.60"));
            statuses.Add((await node.Accounts.RecoverEmailAsync(request)).Status);
        }

        Assert.Equal(PerClientLimit, statuses.Count(s => s != EmailRecoveryStatus.RateLimited));
        Assert.All(statuses.Skip(PerClientLimit), s => Assert.Equal(EmailRecoveryStatus.RateLimited, s));
    }

    private static void Options(TrendAccountOptions options)
    {
        options.SignIn.PerClient.PermitLimit = PerClientLimit;
        options.RateLimits.EmailRecoveryPerClient.PermitLimit = PerClientLimit;
    }

    private void Configure(RedisAttemptCounterOptions options, string redis)
    {
        options.Configuration = redis;
        options.KeyPrefix = _prefix;
        options.Timeout = TimeSpan.FromSeconds(5);
    }
}

/// <summary>The control: without Redis, each node counts alone, so two nodes allow twice the limit (the documented limit of the in-memory counter).</summary>
public sealed class TwoNodeLimitWithoutRedisTests
{
    [Fact]
    public async Task SignInAsync_PerClientLimitOnTwoNodesWithoutRedis_HoldsPerNode()
    {
        var stores = new SharedStores();
        var email = $"node.{Guid.NewGuid():N}@example.com";
        await using var a = Node.Create(null, stores, o => o.SignIn.PerClient.PermitLimit = 4);
        await using var b = Node.Create(null, stores, o => o.SignIn.PerClient.PermitLimit = 4);
        await a.RegisterAsync(email, "correct horse battery");

        var succeeded = 0;
        for (var i = 0; i < 10; i++)
        {
            succeeded += (await (i % 2 == 0 ? a : b).SignInAsync(email, "correct horse battery", "198.51.100.40")).Succeeded ? 1 : 0;
        }

        Assert.Equal(8, succeeded);
    }
}
