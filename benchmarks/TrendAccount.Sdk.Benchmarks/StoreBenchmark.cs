using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;
using TrendAccount.Sdk.Testing;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// The cost of each store, against the in-memory store as the baseline of each category: <c>SignInAsync</c> with the
/// right password at bcrypt cost 10 (goal: the database adds at most 5 % to a sign-in), and a password-reset token
/// issued and redeemed (<c>AddAsync</c> then <c>TryConsumeAsync</c>, the single conditional UPDATE every redemption
/// runs). The PostgreSQL cases run only when <c>TRENDACCOUNT_POSTGRES</c> is set.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StoreBenchmark
{
    private const int WorkFactor = 10;
    private const string Serial = "PQRS-1234-5678-9012-3456";
    private const string Email = "bench@example.com";
    private const string Password = "Blue-Kettle-42-Harbor";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly SignInRequest _signIn = new(Email, Password);
    private readonly DateTimeOffset _now = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private StoreDatabases? _databases;
    private ITokenStore _inMemoryTokens = new InMemoryTokenStore();
    private ITokenStore? _sqliteTokens;
    private ITokenStore? _postgresTokens;
    private ServiceProvider? _inMemoryNode;
    private IAccountService? _inMemoryAccounts;
    private IAccountService? _sqliteAccounts;
    private IAccountService? _postgresAccounts;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _databases = await StoreDatabases.CreateAsync();
        _inMemoryTokens = new InMemoryTokenStore();
        var sqlite = _databases.CreateNode(o => o.UseSqlite(_databases.SqliteConnectionString), AddFlows);
        _sqliteTokens = sqlite.GetRequiredService<ITokenStore>();
        _sqliteAccounts = await RegisterAsync(sqlite);
        if (_databases.PostgresConnectionString is { } postgres)
        {
            var node = _databases.CreateNode(o => o.UseNpgsql(postgres), AddFlows);
            _postgresTokens = node.GetRequiredService<ITokenStore>();
            _postgresAccounts = await RegisterAsync(node);
        }

        var inMemory = new ServiceCollection();
        AddFlows(inMemory);
        new TrendAccountBuilder(inMemory).UseInMemoryStores();
        _inMemoryNode = inMemory.BuildServiceProvider();
        _inMemoryAccounts = await RegisterAsync(_inMemoryNode);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_inMemoryNode is not null)
        {
            await _inMemoryNode.DisposeAsync();
        }

        if (_databases is not null)
        {
            await _databases.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SignIn")]
    public Task<SignInResult> SignIn_InMemory() => _inMemoryAccounts!.SignInAsync(_signIn);

    [Benchmark]
    [BenchmarkCategory("SignIn")]
    public Task<SignInResult> SignIn_Sqlite() => _sqliteAccounts!.SignInAsync(_signIn);

    [Benchmark]
    [BenchmarkCategory("SignIn")]
    public Task<SignInResult> SignIn_PostgreSql() => _postgresAccounts!.SignInAsync(_signIn);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("TokenIssueAndRedeem")]
    public Task<bool> TokenIssueAndRedeem_InMemory() => IssueAndRedeemAsync(_inMemoryTokens);

    [Benchmark]
    [BenchmarkCategory("TokenIssueAndRedeem")]
    public Task<bool> TokenIssueAndRedeem_Sqlite() => IssueAndRedeemAsync(_sqliteTokens!);

    [Benchmark]
    [BenchmarkCategory("TokenIssueAndRedeem")]
    public Task<bool> TokenIssueAndRedeem_PostgreSql() => IssueAndRedeemAsync(_postgresTokens!);

    private static void AddFlows(IServiceCollection services) =>
        services.AddTrendAccount(o =>
            {
                o.Hashing.WorkFactor = WorkFactor;
                o.Recovery.ResetLinkBaseUrl = new Uri("https://accounts.example.com/reset?token=");
                o.Recovery.RegistrationLinkBaseUrl = new Uri("https://accounts.example.com/confirm-registration?token=");
            })
            .UseMailer(new RecordingAccountMailer())
            .UseCaptchaVerifier(new TestCaptchaVerifier());

    private static async Task<IAccountService> RegisterAsync(IServiceProvider node)
    {
        var accounts = node.GetRequiredService<IAccountService>();
        await accounts.ActivateProductAsync(new ProductActivationRequest(Serial));
        var registration = await TestRegistrations.RegisterAndConfirmAsync(
            node, new RegistrationRequest(Serial, Email, Password, Password, TestCaptchaVerifier.ValidResponse, ClientContext.Unknown));
        if (!registration.Succeeded)
        {
            throw new InvalidOperationException(registration.Message);
        }

        // Warm up: the first sign-in builds the dummy hash and compiles the store's queries.
        await accounts.SignInAsync(new SignInRequest(Email, Password));
        return accounts;
    }

    private async Task<bool> IssueAndRedeemAsync(ITokenStore store)
    {
        var token = new TokenRecord
        {
            Digest = SecureTokens.Issue().Digest,
            AccountId = Guid.NewGuid(),
            Purpose = TokenPurpose.PasswordReset,
            SecurityStamp = "BENCHMARK",
            IssuedAt = _now,
            ExpiresAt = _now + Lifetime,
        };
        await store.AddAsync(token, CancellationToken.None);
        return await store.TryConsumeAsync(token.Digest, _now, CancellationToken.None);
    }

    /// <summary>Leaves out the PostgreSQL cases when no server is configured.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            if (StoreDatabases.PostgresServer is null)
            {
                AddFilter(new SimpleFilter(benchmark => !benchmark.Descriptor.WorkloadMethod.Name.EndsWith("_PostgreSql", StringComparison.Ordinal)));
            }
        }
    }
}
