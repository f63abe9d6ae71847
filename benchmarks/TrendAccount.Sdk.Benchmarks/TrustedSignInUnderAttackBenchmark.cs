using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// Issue #11 item 7: the owner's sign-in from a trusted device (valid device token) while attacker loops hammer
/// sign-in, at bcrypt cost 10 with the default admission settings (one verification per processor, one slot
/// reserved for trusted devices). Attackers are async loops on the thread pool, as requests are in a server: each
/// sends a wrong password for a fresh address from a fresh IPv4 address (so neither the per-client limit nor the
/// step-up stops it before the verification gate), and yields after every answer. Goal (docs/benchmarks.md): the
/// trusted sign-in with 32 attackers ≤ 3× its idle time (<see cref="AttackerLoops"/> = 0 is the baseline).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class TrustedSignInUnderAttackBenchmark
{
    private const string Email = "owner@example.com";
    private const string Password = "correct horse battery";
    private const int WorkFactor = 10;

    private ServiceProvider? _provider;
    private IAccountService? _accounts;
    private SignInRequest? _owner;
    private CancellationTokenSource? _stop;
    private Task[] _attackers = [];

    /// <summary>Gets or sets the number of concurrent attacker loops.</summary>
    [Params(0, 32)]
    public int AttackerLoops { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = WorkFactor;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
                o.SignIn.DeviceTokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        _provider = services.BuildServiceProvider();
        _accounts = _provider.GetRequiredService<IAccountService>();
        _accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3456")).GetAwaiter().GetResult();
        _ = TestRegistrations.RegisterAndConfirmAsync(
            _provider, new RegistrationRequest("PQRS-1234-5678-9012-3456", Email, Password, Password, TestCaptchaVerifier.ValidResponse, ClientContext.Unknown)).GetAwaiter().GetResult().AccountId
            ?? throw new InvalidOperationException("no account");
        var device = _accounts.SignInAsync(new SignInRequest(Email, Password) { Client = new ClientContext("198.51.100.7") }).GetAwaiter().GetResult().DeviceToken
            ?? throw new InvalidOperationException("no device token");
        _owner = new SignInRequest(Email, Password) { Client = new ClientContext("198.51.100.7"), DeviceToken = device };

        _stop = new CancellationTokenSource();
        var sequence = 0;
        _attackers = Enumerable.Range(0, AttackerLoops).Select(_ => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var ip = $"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}";
                await _accounts.SignInAsync(new SignInRequest($"victim{n}@example.com", "guess " + n) { Client = new ClientContext(ip) }).ConfigureAwait(false);
                await Task.Yield();
            }
        })).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop?.Cancel();
        Task.WaitAll(_attackers);
        _provider?.Dispose();
    }

    /// <summary>The owner's sign-in from a trusted device.</summary>
    [Benchmark]
    public SignInResult TrustedDeviceSignIn()
    {
        var result = _accounts!.SignInAsync(_owner!).GetAwaiter().GetResult();
        return result.Succeeded ? result : throw new InvalidOperationException(result.Status.ToString());
    }
}
