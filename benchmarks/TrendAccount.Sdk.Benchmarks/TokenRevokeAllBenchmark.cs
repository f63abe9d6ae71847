using System.Globalization;
using BenchmarkDotNet.Attributes;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// <see cref="InMemoryTokenStore.RevokeAllAsync"/> in a store of <see cref="Tokens"/> records (four per account), against
/// the baseline of main before issue 13: the same store scanning every record under its lock (kept below, verbatim in
/// behaviour). Each operation issues one short session to an account, revokes every token of it, as a password change
/// does, and deletes that session again (the indexed store by purging it, the baseline by digest), so the stores keep
/// their size however many operations run. Both are filled alike. Goal (issue 13): ≤ 0.1 ms at 10⁶ tokens.
/// </summary>
[MemoryDiagnoser]
public class TokenRevokeAllBenchmark
{
    private const int TokensPerAccount = 4;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    // Expires before every other record, so the purge that follows its revocation deletes exactly it.
    private static readonly TimeSpan ShortLived = TimeSpan.FromTicks(1);
    private readonly InMemoryTokenStore _indexed = new();
    private readonly ScanningTokenStore _scanning = new();
    private Guid _account;
    private long _issued;

    /// <summary>Gets or sets the number of token records in each store.</summary>
    /// <remarks>10³ and 10⁶; only 10³ in the dry job (<see cref="StoreSizes"/>).</remarks>
    [ParamsSource(nameof(Sizes))]
    public int Tokens { get; set; }

    /// <summary>Gets the sizes to run.</summary>
    public static IEnumerable<int> Sizes => StoreSizes.Of(1_000, 1_000_000);

    [GlobalSetup(Target = nameof(RevokeAll_ScanEveryToken))]
    public Task SetupScanningAsync() => FillAsync(scanning: true);

    [GlobalSetup(Target = nameof(RevokeAll_AccountIndex))]
    public Task SetupIndexedAsync() => FillAsync(scanning: false);

    private async Task FillAsync(bool scanning)
    {
        var accounts = Tokens / TokensPerAccount;
        for (var a = 0; a < accounts; a++)
        {
            var accountId = Guid.NewGuid();
            for (var t = 0; t < TokensPerAccount; t++)
            {
                var token = NewToken(accountId, t == 0 ? TokenPurpose.PasswordReset : TokenPurpose.Session);
                if (scanning)
                {
                    _scanning.Add(token);
                }
                else
                {
                    await _indexed.AddAsync(token, CancellationToken.None);
                }
            }

            _account = accountId;
        }
    }

    [Benchmark(Baseline = true)]
    public int RevokeAll_ScanEveryToken()
    {
        var token = NewToken(_account, TokenPurpose.Session, ShortLived);
        _scanning.Add(token);
        var revoked = _scanning.RevokeAll(_account, null, Now);
        _scanning.Remove(token.Digest);
        return revoked;
    }

    [Benchmark]
    public int RevokeAll_AccountIndex()
    {
        _indexed.AddAsync(NewToken(_account, TokenPurpose.Session, ShortLived), CancellationToken.None).GetAwaiter().GetResult();
        var revoked = _indexed.RevokeAllAsync(_account, null, Now, CancellationToken.None).GetAwaiter().GetResult();
        _indexed.PurgeExpiredAsync(Now + ShortLived + ShortLived, 1, CancellationToken.None).GetAwaiter().GetResult();
        return revoked;
    }

    private TokenRecord NewToken(Guid accountId, TokenPurpose purpose, TimeSpan? lifetime = null) => new()
    {
        Digest = (++_issued).ToString("x64", CultureInfo.InvariantCulture),
        AccountId = accountId,
        Purpose = purpose,
        SecurityStamp = "BENCHMARK",
        IssuedAt = Now,
        ExpiresAt = Now + (lifetime ?? TimeSpan.FromHours(1)),
    };

    /// <summary>The token store's revocation as it was on main before issue 13: every record, under the lock.</summary>
    private sealed class ScanningTokenStore
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);

        public void Add(TokenRecord token)
        {
            lock (_gate)
            {
                _tokens.Add(token.Digest, token);
            }
        }

        public void Remove(string digest)
        {
            lock (_gate)
            {
                _tokens.Remove(digest);
            }
        }

        public int RevokeAll(Guid accountId, TokenPurpose? purpose, DateTimeOffset now)
        {
            lock (_gate)
            {
                var revoked = 0;
                foreach (var token in _tokens.Values.ToArray())
                {
                    if (token.AccountId == accountId && (purpose is null || token.Purpose == purpose) && token.IsActiveAt(now))
                    {
                        _tokens[token.Digest] = token with { ConsumedAt = now };
                        revoked++;
                    }
                }

                return revoked;
            }
        }
    }
}
