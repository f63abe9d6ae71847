using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.PwnedPasswords.Tests;

/// <summary>The SDK's flows with the range screen registered, against the loopback range server.</summary>
public sealed class PwnedPasswordsFlowTests : IAsyncLifetime
{
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "john@example.com";
    private const string Password = "correct horse battery";
    private const string Leaked = "leaked but long enough";
    private const string Fresh = "a brand new passphrase";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingAccountMailer _mailer = new();
    private RangeServer _server = null!;
    private ServiceProvider? _provider;

    public async Task InitializeAsync()
    {
        _server = await RangeServer.StartAsync();
        _server.AddBreached(Leaked, 12);
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await BackgroundWork.WhenIdleAsync(_provider);
            await _provider.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task RegisterResetAndChange_PasswordInTheRangeCorpus_AreRefusedWithBreached()
    {
        var accounts = Create();
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);

        var registration = await accounts.RegisterAsync(Registration(Leaked));
        Assert.Equal([PasswordProblem.Breached], registration.PasswordProblems);
        Assert.True((await TestRegistrations.RegisterAndConfirmAsync(_provider!, Registration(Password))).Succeeded);

        var session = (await accounts.SignInAsync(new SignInRequest(Email, Password))).SessionToken!;
        var change = await accounts.ChangePasswordAsync(new ChangePasswordRequest(session, Password, Leaked, Leaked));
        Assert.Equal([PasswordProblem.Breached], change.PasswordProblems);

        Assert.True((await accounts.RequestPasswordResetAsync(new ForgotPasswordRequest(Email, TestCaptchaVerifier.ValidResponse, new ClientContext("192.0.2.1")))).Succeeded);
        await BackgroundWork.WhenIdleAsync(_provider!);
        var link = _mailer.LastMessageTo(Email, AccountMessageKind.PasswordReset)!.Link!;
        var token = link.AbsoluteUri[(link.AbsoluteUri.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        var reset = await accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Leaked, Leaked, ClientContext.Unknown));
        Assert.Equal([PasswordProblem.Breached], reset.PasswordProblems);
        Assert.Equal(TrendAccountMessages.Default.BreachedPassword, reset.Message);
        Assert.True((await accounts.ResetPasswordAsync(new ResetPasswordRequest(token, Fresh, Fresh, ClientContext.Unknown))).Succeeded);

        // Only prefixes went out.
        Assert.NotEmpty(_server.Received);
        Assert.All(_server.Received, r => Assert.Matches("^/range/[0-9A-F]{5}$", r.Path));
    }

    [Fact]
    public async Task RegisterAsync_ServiceHangsAndFailsClosed_RefusedWithBreachCheckUnavailableAtTheTimeout()
    {
        _server.Answer = RangeAnswer.Hang;
        var accounts = Create(options =>
        {
            options.FailureMode = PwnedPasswordsFailureMode.FailClosed;
            options.Timeout = TimeSpan.FromSeconds(2);
        });
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);

        var pending = accounts.RegisterAsync(Registration(Fresh));
        await _server.HangStarted.WaitAsync(WaitLimit);
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(WaitLimit);

        Assert.Equal(RegistrationStatus.InvalidPassword, result.Status);
        Assert.Equal([PasswordProblem.BreachCheckUnavailable], result.PasswordProblems);
        Assert.Equal(TrendAccountMessages.Default.BreachCheckUnavailable, result.Message);
    }

    [Fact]
    public async Task RegisterAsync_ServiceDownAndFailsOpen_RegistersAndConfirmsTheAccount()
    {
        _server.Answer = RangeAnswer.ServerError;
        var accounts = Create(options => options.MaxRetries = 0);
        Assert.True((await accounts.ActivateProductAsync(new ProductActivationRequest(Serial, "TIS-2017"))).Succeeded);

        var result = await TestRegistrations.RegisterAndConfirmAsync(_provider!, Registration(Leaked));

        Assert.True(result.Succeeded, result.Message);
    }

    private static RegistrationRequest Registration(string password) =>
        new(Serial, Email, password, password, TestCaptchaVerifier.ValidResponse, new ClientContext("192.0.2.1"));

    private IAccountService Create(Action<PwnedPasswordsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset-password?token=");
                options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
            })
            .UseInMemoryStores()
            .UseMailer(_mailer)
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(_time)
            .UsePwnedPasswords(options =>
            {
                options.BaseUrl = _server.BaseUrl;
                configure?.Invoke(options);
            });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return _provider.GetRequiredService<IAccountService>();
    }
}
