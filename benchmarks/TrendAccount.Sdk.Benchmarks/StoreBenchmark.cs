using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// The cost of each store: a password-reset token issued and redeemed (<c>AddAsync</c> then <c>TryConsumeAsync</c>,
/// the single conditional UPDATE every redemption runs), against the in-memory store as the baseline. The
/// PostgreSQL case runs only when <c>TRENDACCOUNT_POSTGRES</c> is set.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StoreBenchmark
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly DateTimeOffset _now = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private StoreDatabases? _databases;
    private ITokenStore _inMemoryTokens = new InMemoryTokenStore();
    private ITokenStore? _sqliteTokens;
    private ITokenStore? _postgresTokens;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _databases = await StoreDatabases.CreateAsync();
        _inMemoryTokens = new InMemoryTokenStore();
        _sqliteTokens = _databases.CreateNode(o => o.UseSqlite(_databases.SqliteConnectionString)).GetRequiredService<ITokenStore>();
        if (_databases.PostgresConnectionString is { } postgres)
        {
            _postgresTokens = _databases.CreateNode(o => o.UseNpgsql(postgres)).GetRequiredService<ITokenStore>();
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_databases is not null)
        {
            await _databases.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("TokenIssueAndRedeem")]
    public Task<bool> TokenIssueAndRedeem_InMemory() => IssueAndRedeemAsync(_inMemoryTokens);

    [Benchmark]
    [BenchmarkCategory("TokenIssueAndRedeem")]
    public Task<bool> TokenIssueAndRedeem_Sqlite() => IssueAndRedeemAsync(_sqliteTokens!);

    [Benchmark]
    [BenchmarkCategory("TokenIssueAndRedeem")]
    public Task<bool> TokenIssueAndRedeem_PostgreSql() => IssueAndRedeemAsync(_postgresTokens!);

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
        await store.AddAsync(token);
        return await store.TryConsumeAsync(token.Digest, _now);
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
