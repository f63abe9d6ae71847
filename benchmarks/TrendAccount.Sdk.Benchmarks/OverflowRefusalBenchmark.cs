using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// Issue #11 item 7: how fast overflow is refused. Every verification slot and queue place is held by a verification
/// that never ends (a hasher blocked on purpose), so each measured untrusted sign-in finds the queue full and gets
/// <see cref="SignInStatus.TryAgainLater"/>. Baseline: a normal failed sign-in (one verification at cost 10).
/// Goal (docs/benchmarks.md): the refusal takes well under a millisecond, a small fraction of the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class OverflowRefusalBenchmark
{
    private const string Blocking = "block this verification";
    private const int WorkFactor = 10;

    private ServiceProvider? _saturatedProvider;
    private ServiceProvider? _idleProvider;
    private IAccountService? _saturated;
    private IAccountService? _idle;
    private BlockingHasher? _hasher;
    private readonly CancellationTokenSource _stop = new();
    private Task[] _holders = [];
    private int _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _hasher = new BlockingHasher(new BcryptPasswordHasher(new HashingOptions { WorkFactor = WorkFactor }));
        (_saturatedProvider, _saturated) = Build(o =>
        {
            o.SignIn.MaximumConcurrentVerifications = 1;
            o.SignIn.MaximumQueuedVerifications = 1;
            o.SignIn.MaximumVerificationWait = TimeSpan.FromMinutes(1);
        }, _hasher);
        (_idleProvider, _idle) = Build(_ => { }, null);

        // One verification holds the only slot, one waits in the only queue place (for up to a minute; when its
        // wait runs out, it queues again at once, so the queue stays full for the whole run).
        _holders = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                await _saturated!.SignInAsync(new SignInRequest($"holder{i}@example.com", Blocking));
            }
        })).ToArray();
        SpinWait.SpinUntil(() => _hasher.Blocked == 1);
        SpinWait.SpinUntil(() => _saturatedProvider!.GetRequiredService<VerificationGate>().Waiting == 1);
        _idle!.SignInAsync(new SignInRequest("warm-up@example.com", "guess")).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _hasher?.ReleaseAll();
        Task.WaitAll(_holders);
        _saturatedProvider?.Dispose();
        _idleProvider?.Dispose();
    }

    /// <summary>A normal failed sign-in: one verification at cost 10.</summary>
    [Benchmark(Baseline = true)]
    public SignInResult FailedSignIn() => _idle!.SignInAsync(Next()).GetAwaiter().GetResult();

    /// <summary>An untrusted sign-in that finds every slot and queue place taken.</summary>
    [Benchmark]
    public SignInResult OverflowRefused()
    {
        var result = _saturated!.SignInAsync(Next()).GetAwaiter().GetResult();
        return result.Status == SignInStatus.TryAgainLater ? result : throw new InvalidOperationException(result.Status.ToString());
    }

    private static (ServiceProvider, IAccountService) Build(Action<TrendAccountOptions> configure, IPasswordHasher? hasher)
    {
        var services = new ServiceCollection();
        var builder = services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = WorkFactor;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                configure(o);
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        if (hasher is not null)
        {
            builder.UsePasswordHasher(hasher);
        }

        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IAccountService>());
    }

    // A fresh address and client each time, so neither the step-up nor the per-client limit answers first.
    private SignInRequest Next()
    {
        var n = ++_sequence;
        return new SignInRequest($"someone{n}@example.com", "guess") { Client = new ClientContext($"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}") };
    }

    private sealed class BlockingHasher(IPasswordHasher inner) : IPasswordHasher
    {
        private readonly ManualResetEventSlim _release = new(false);
        private int _blocked;

        public int Blocked => Volatile.Read(ref _blocked);

        public string HashPassword(string password) => inner.HashPassword(password);

        public PasswordVerificationResult VerifyHashedPassword(string hashedPassword, string providedPassword)
        {
            if (providedPassword == Blocking)
            {
                Interlocked.Increment(ref _blocked);
                _release.Wait();
            }

            return inner.VerifyHashedPassword(hashedPassword, providedPassword);
        }

        public void ReleaseAll() => _release.Set();
    }
}
