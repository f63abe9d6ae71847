using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.MultiNode;

/// <summary>
/// Two nodes (service providers with their own clocks, pools and in-process state) that keep their limit counters in
/// the database they share (<c>UseEntityFrameworkAttemptCounter</c>): each limit holds once across both, not once per
/// node. With the in-memory counter (before issue #13) each of these tests fails: a client gets the limit on every node,
/// and the step-up sees only the failures of the node it runs on.
/// </summary>
/// <typeparam name="TDatabase">The provider's database.</typeparam>
public abstract class SharedCounterTests<TDatabase> : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : StoreDatabase
{
    private const int ClientLimit = 6;
    private const int MaximumFailedAttempts = 5;
    private static readonly string Pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly TDatabase _database;
    private ServiceProvider? _a;
    private ServiceProvider? _b;

    protected SharedCounterTests(TDatabase database)
    {
        _database = database;
    }

    private IAccountService A => _a!.GetRequiredService<IAccountService>();

    private IAccountService B => _b!.GetRequiredService<IAccountService>();

    public Task InitializeAsync()
    {
        _a = CreateNode();
        _b = CreateNode();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }
    }

    [Fact]
    public async Task SignInAsync_OneClientOnBothNodes_GetsThePerClientLimitOnceNotTwice()
    {
        var client = new ClientContext("198.51.100." + RandomNumberGenerator.GetInt32(1, 255));

        // Each attempt types a fresh address, so only the per-client limit can refuse it.
        var results = new List<SignInStatus>();
        for (var i = 0; i < 2 * ClientLimit; i++)
        {
            var node = i % 2 == 0 ? A : B;
            results.Add((await node.SignInAsync(new SignInRequest(NewEmail(), "Wrong-Guess-00-Again") { Client = client })).Status);
        }

        Assert.Equal(ClientLimit, results.Count(s => s != SignInStatus.TryAgainLater));
        Assert.All(results.Skip(ClientLimit), s => Assert.Equal(SignInStatus.TryAgainLater, s));
    }

    [Fact]
    public async Task SignInAsync_FailuresOnBothNodes_ReachTheStepUpThresholdTogether()
    {
        var email = NewEmail();
        var wrong = new SignInRequest(email, "Wrong-Guess-00-Again");

        // Three failures on A and two on B: five for the address, though neither node saw five.
        for (var i = 0; i < MaximumFailedAttempts; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await (i % 2 == 0 ? A : B).SignInAsync(wrong)).Status);
        }

        Assert.Equal(SignInStatus.CaptchaRequired, (await A.SignInAsync(wrong)).Status);
        Assert.Equal(SignInStatus.CaptchaRequired, (await B.SignInAsync(wrong)).Status);
    }

    private static string NewEmail() => $"shared.{Guid.NewGuid():N}@example.com";

    private ServiceProvider CreateNode()
    {
        var services = new ServiceCollection();
        _database.AddContext(services);
        services.AddTrendAccount(options =>
            {
                options.Hashing.WorkFactor = 4;
                options.Hashing.AllowInsecureWorkFactorForTesting = true;
                options.Hashing.Peppers["farm1"] = Pepper;
                options.Hashing.CurrentPepperId = "farm1";
                options.Lockout.MaximumFailedAttempts = MaximumFailedAttempts;
                options.SignIn.PerClient.PermitLimit = ClientLimit;
                options.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                options.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
            })
            .UseEntityFrameworkStores<TestDbContext>()
            .UseEntityFrameworkAttemptCounter<TestDbContext>()
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier())
            .UseTimeProvider(new FakeTimeProvider(TestData.Start));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}

public sealed class SqliteSharedCounterTests(SqliteDatabase database) : SharedCounterTests<SqliteDatabase>(database);

[PostgresTests]
public sealed class PostgresSharedCounterTests(PostgresDatabase database) : SharedCounterTests<PostgresDatabase>(database);
