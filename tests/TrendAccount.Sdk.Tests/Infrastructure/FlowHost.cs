using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>
/// A DI container wired the way a host wires the SDK: AddTrendAccount, the in-memory stores, a recording mailer,
/// the test captcha verifier, a fake clock and fake logging. bcrypt work factor 4.
/// </summary>
public sealed class FlowHost : IAsyncDisposable
{
    public const string Captcha = TestCaptchaVerifier.ValidResponse;
    public static readonly Uri ResetBase = new("https://accounts.example.com/reset-password?token=");
    public static readonly Uri RegistrationBase = new("https://accounts.example.com/confirm-registration?token=");
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private FlowHost(ServiceProvider provider, FakeTimeProvider time, RecordingAccountMailer mailer)
    {
        Provider = provider;
        Time = time;
        Mailer = mailer;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public RecordingAccountMailer Mailer { get; }

    public IAccountService Accounts => Provider.GetRequiredService<IAccountService>();

    public SignInTroubleshooter Troubleshooter => Provider.GetRequiredService<SignInTroubleshooter>();

    public InMemoryAccountStore Store => Provider.GetRequiredService<InMemoryAccountStore>();

    public InMemoryTokenStore Tokens => Provider.GetRequiredService<InMemoryTokenStore>();

    internal AccountWorkQueue Work => Provider.GetRequiredService<AccountWorkQueue>();

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static FlowHost Create(Action<TrendAccountOptions>? configure = null, Action<TrendAccountBuilder>? build = null, IAccountMailer? mailer = null)
    {
        var time = new FakeTimeProvider(Start);
        var recording = new RecordingAccountMailer();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        var builder = services
            .AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Recovery.ResetLinkBaseUrl = ResetBase;
                options.Recovery.RegistrationLinkBaseUrl = RegistrationBase;
                configure?.Invoke(options);
            })
            .UseInMemoryStores()
            .UseMailer(mailer is null ? recording : new TeeMailer(mailer, recording))
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(time);
        build?.Invoke(builder);
        return new FlowHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), time, recording);
    }

    /// <summary>Activates a serial, registers with it and confirms with the mailed link: the account exists (the mailbox is cleared).</summary>
    public async Task<ConfirmRegistrationResult> RegisterAsync(string serial, string email, string password)
    {
        var activation = await Accounts.ActivateProductAsync(new ProductActivationRequest(serial, "TIS-2017"));
        Assert.True(activation.Succeeded, activation.Message);
        var registration = await Accounts.RegisterAsync(Registration(serial, email, password));
        Assert.True(registration.Succeeded, registration.Message);
        var token = await ConfirmationTokenAsync(email);
        Assert.NotNull(token);
        var confirmed = await Accounts.ConfirmRegistrationAsync(new ConfirmRegistrationRequest(token));
        Assert.True(confirmed.Succeeded, confirmed.Message);

        // The confirmation mail is set-up, not part of what a test observes.
        Mailer.Clear();
        return confirmed;
    }

    /// <summary>A registration with a solved captcha from one client.</summary>
    public static RegistrationRequest Registration(string? serial, string? email, string? password, string? confirmation = null, string ip = "192.0.2.1") =>
        new(serial, email, password, confirmation ?? password, Captcha, new ClientContext(ip));

    /// <summary>The token of the last confirmation link mailed to an address, after the background work ran.</summary>
    public async Task<string?> ConfirmationTokenAsync(string email)
    {
        await Work.WhenIdleAsync();
        return TestRegistrations.ConfirmationTokenFrom(Provider, Mailer, email);
    }

    public Task<SignInResult> SignInAsync(string? email, string? password, string ip = "192.0.2.1", string? captcha = null) =>
        Accounts.SignInAsync(new SignInRequest(email, password) { CaptchaResponse = captcha });

    /// <summary>Requests a reset, waits for the background work, and returns the emailed token (or null).</summary>
    public async Task<string?> RequestResetTokenAsync(string email, string ip = "192.0.2.1")
    {
        var result = await Accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(email, Captcha, new ClientContext(ip)));
        Assert.True(result.Succeeded, result.Message);
        await Work.WhenIdleAsync();
        var link = Mailer.LastMessageTo(email, AccountMessageKind.PasswordReset)?.Link;
        return link is null ? null : TokenFrom(link);
    }

    public static string TokenFrom(Uri link)
    {
        var text = link.AbsoluteUri;
        Assert.StartsWith(ResetBase.AbsoluteUri, text, StringComparison.Ordinal);
        return text[ResetBase.AbsoluteUri.Length..];
    }

    public async Task<AccountRecord> AccountAsync(string email)
    {
        var key = CredentialNormalizer.Default.NormalizeEmail(email).LookupKey!;
        return await Store.FindByLookupKeyAsync(key, CancellationToken.None) ?? throw new InvalidOperationException("no account");
    }

    /// <summary>The host's own mailer first, then the recording one (what was delivered), so tests can read links either way.</summary>
    private sealed class TeeMailer(IAccountMailer inner, RecordingAccountMailer recording) : IAccountMailer
    {
        public async Task SendAsync(AccountMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            await recording.SendAsync(message, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Work.WhenIdleAsync();
        await Provider.DisposeAsync();
    }
}
