using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks.Paired;

/// <summary>
/// Issue #13: what counting in Redis costs, against the in-memory counter in the same run. Needs a Redis server in
/// <c>TRENDACCOUNT_REDIS</c> (a StackExchange.Redis configuration string; <c>.ci/run</c> starts one).
/// <list type="bullet">
/// <item><c>counters</c>: 100 <c>TryAddAsync</c> calls (one window per call, as distinct clients make) on the
/// in-memory counter, on the Redis counter, and 100 <c>GetAsync</c> on Redis.</item>
/// <item><c>sign-in-redis</c>: a right-password sign-in at bcrypt cost 10 with each counter.</item>
/// </list>
/// </summary>
internal static class CounterComparison
{
    public const string RedisVariable = "TRENDACCOUNT_REDIS";
    private const int CallsPerRun = 100;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string RequireRedis() =>
        Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException($"--paired counters / sign-in-redis need a Redis server: set {RedisVariable}=127.0.0.1:PORT.");

    public static (string Title, (string Name, Func<bool> Run)[] Contenders, IDisposable Resources) Counters()
    {
        var prefix = "trendaccount-bench:" + Guid.NewGuid().ToString("N")[..8] + ":";
        var inMemory = Host(null, prefix, 4);
        var redis = Host(RequireRedis(), prefix, 4);
        var memoryCounter = inMemory.GetRequiredService<IAttemptCounter>();
        var redisCounter = redis.GetRequiredService<IAttemptCounter>();
        var next = 0L;
        bool Add(IAttemptCounter counter)
        {
            var added = true;
            for (var i = 0; i < CallsPerRun; i++)
            {
                added &= counter.TryAddAsync("bench:" + Interlocked.Increment(ref next), 10, Window, CancellationToken.None).AsTask().GetAwaiter().GetResult().Added;
            }

            return added ? true : throw new InvalidOperationException("A first attempt was refused.");
        }

        bool Get(IAttemptCounter counter)
        {
            var key = "bench:" + next;
            for (var i = 0; i < CallsPerRun; i++)
            {
                counter.GetAsync(key, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }

            return true;
        }

        return (
            $"Attempt counter, {CallsPerRun} calls per run (baseline: the in-memory counter's TryAddAsync; Redis on {RequireRedis()})",
            [("memory-tryadd", () => Add(memoryCounter)), ("redis-tryadd", () => Add(redisCounter)), ("redis-get", () => Get(redisCounter))],
            new Resources(inMemory, redis));
    }

    public static (string Title, (string Name, Func<bool> Run)[] Contenders, IDisposable Resources) SignIn()
    {
        const int cost = 10;
        var prefix = "trendaccount-bench:" + Guid.NewGuid().ToString("N")[..8] + ":";
        var inMemory = Host(null, prefix, cost);
        var redis = Host(RequireRedis(), prefix, cost);
        var memoryAccounts = Register(inMemory);
        var redisAccounts = Register(redis);
        var request = new SignInRequest(SignInHost.Email, SignInHost.Password) { Client = new ClientContext("192.0.2.1") };
        bool Run(IAccountService accounts) =>
            accounts.SignInAsync(request).GetAwaiter().GetResult().Succeeded ? true : throw new InvalidOperationException("The sign-in failed.");

        return (
            $"Right-password sign-in at cost {cost} (baseline: in-memory counter; Redis on {RequireRedis()})",
            [("memory-counter", () => Run(memoryAccounts)), ("redis-counter", () => Run(redisAccounts))],
            new Resources(inMemory, redis));
    }

    private static ServiceProvider Host(string? redis, string prefix, int cost)
    {
        var services = new ServiceCollection();
        var builder = services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = cost;
                o.Hashing.AllowInsecureWorkFactorForTesting = cost < 10;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                o.Lockout.MaximumFailedAttempts = 1000;
                o.SignIn.PerClient.PermitLimit = 1_000_000;
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        if (redis is not null)
        {
            builder.UseRedisAttemptCounter(o =>
            {
                o.Configuration = redis;
                o.KeyPrefix = prefix;
                o.Timeout = TimeSpan.FromSeconds(5);
            });
        }

        return services.BuildServiceProvider();
    }

    private static IAccountService Register(ServiceProvider provider)
    {
        var accounts = provider.GetRequiredService<IAccountService>();
        const string serial = "PQRS-1234-5678-9012-3456";
        accounts.ActivateProductAsync(new ProductActivationRequest(serial)).GetAwaiter().GetResult();
        var request = new RegistrationRequest(serial, SignInHost.Email, SignInHost.Password, SignInHost.Password, TestCaptchaVerifier.ValidResponse, new ClientContext("192.0.2.250"));
        var confirmed = TestRegistrations.RegisterAndConfirmAsync(provider, request).GetAwaiter().GetResult();
        return confirmed.Succeeded ? accounts : throw new InvalidOperationException(confirmed.Message);
    }

    private sealed class Resources(params ServiceProvider[] providers) : IDisposable
    {
        public void Dispose()
        {
            foreach (var provider in providers)
            {
                provider.Dispose();
            }
        }
    }
}
