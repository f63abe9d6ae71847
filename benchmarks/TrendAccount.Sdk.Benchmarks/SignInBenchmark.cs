using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// <c>SignInAsync</c> with the in-memory stores at bcrypt cost 10, against the SDK's bcrypt engine verifying a raw
/// $2b$ hash at cost 10. Goals (docs/benchmarks.md): sign-in ÷ engine verify ≤ 1.02; unknown email ÷ wrong password
/// between 0.97 and 1.03 (the same work, one verification, whatever the reason for failing). No iteration set-up, so
/// BenchmarkDotNet may batch invocations; the paired harness (<c>--paired sign-in</c>) resolves the 2 % goal.
/// </summary>
[MemoryDiagnoser]
public class SignInBenchmark
{
    private const string Email = "bench@example.com";
    private const string Password = "correct horse battery";
    private const int WorkFactor = 10;

    private ServiceProvider? _provider;
    private IAccountService? _accounts;
    private InMemoryAccountStore? _store;
    private Guid _accountId;
    private string _bcryptHash = string.Empty;
    private SignInRequest? _right;
    private SignInRequest? _wrong;
    private SignInRequest? _unknown;
    private int _wrongPasswords;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = WorkFactor;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");

                // Counting stays on (it is part of a wrong password's cost); the threshold is out of reach and the
                // count is reset every few hundred wrong passwords, so that path never turns into a locked one.
                o.Lockout.MaximumFailedAttempts = 1000;

                // The address's step-up budget (issue #11) is counted per window; a 1 ms window keeps it counting
                // (its cost stays in the measurement) but never spent, so no measured attempt meets the captcha.
                o.Lockout.Duration = TimeSpan.FromMilliseconds(1);
            })
            .UseInMemoryStores()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());
        _provider = services.BuildServiceProvider();
        _accounts = _provider.GetRequiredService<IAccountService>();
        _store = _provider.GetRequiredService<InMemoryAccountStore>();
        _accounts.ActivateProductAsync(new ProductActivationRequest("PQRS-1234-5678-9012-3456")).GetAwaiter().GetResult();
        var registration = TestRegistrations.RegisterAndConfirmAsync(
            _provider, new RegistrationRequest("PQRS-1234-5678-9012-3456", Email, Password, Password, TestCaptchaVerifier.ValidResponse, ClientContext.Unknown)).GetAwaiter().GetResult();
        _accountId = registration.AccountId ?? throw new InvalidOperationException(registration.Message);
        _bcryptHash = BCrypt.Net.BCrypt.HashPassword(Password, BCrypt.Net.BCrypt.GenerateSalt(WorkFactor, 'b'));
        _right = new SignInRequest(Email, Password);
        _wrong = new SignInRequest(Email, "wrong horse battery");
        _unknown = new SignInRequest("nobody@example.com", Password);

        // Make the dummy hash now, so no measured call pays for it.
        _accounts.SignInAsync(_unknown).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    /// <summary>The floor: one bcrypt verification at cost 10 on the SDK's engine, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public bool RawEngineVerify() => ManagedBcrypt.Verify(Password, _bcryptHash);

    [Benchmark]
    public Task<SignInResult> SignInRightPassword() => _accounts!.SignInAsync(_right!);

    [Benchmark]
    public Task<SignInResult> SignInWrongPassword()
    {
        if (++_wrongPasswords % 500 == 0)
        {
            _store!.ResetFailedSignInsAsync(_accountId, CancellationToken.None).GetAwaiter().GetResult();
        }

        return _accounts!.SignInAsync(_wrong!);
    }

    [Benchmark]
    public Task<SignInResult> SignInUnknownEmail() => _accounts!.SignInAsync(_unknown!);
}
