using BenchmarkDotNet.Attributes;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Benchmarks;

/// <summary>
/// <see cref="InMemoryAccountStore.FindSerialsByAccountAsync"/> in a store of <see cref="Accounts"/> accounts with one
/// serial each, against the baseline of main before issue 13: every serial scanned under the lock (kept below, verbatim
/// in behaviour, over the same serial records). Goal (issue 13): ≤ 0.1 ms at 10⁶ accounts.
/// </summary>
[MemoryDiagnoser]
public class SerialsByAccountBenchmark
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly InMemoryAccountStore _indexed = new();
    private readonly ScanningSerials _scanning = new();
    private Guid _account;

    /// <summary>Gets or sets the number of accounts (and linked serials) in each store.</summary>
    /// <remarks>10³ and 10⁶; only 10³ in the dry job (<see cref="StoreSizes"/>).</remarks>
    [ParamsSource(nameof(Sizes))]
    public int Accounts { get; set; }

    /// <summary>Gets the sizes to run.</summary>
    public static IEnumerable<int> Sizes => StoreSizes.Of(1_000, 1_000_000);

    [GlobalSetup(Target = nameof(FindSerialsByAccount_ScanEverySerial))]
    public Task SetupScanningAsync() => FillAsync(scanning: true);

    [GlobalSetup(Target = nameof(FindSerialsByAccount_AccountIndex))]
    public Task SetupIndexedAsync() => FillAsync(scanning: false);

    private async Task FillAsync(bool scanning)
    {
        for (var i = 0; i < Accounts; i++)
        {
            var serial = $"PQRS-{i / 100_000_000 % 10_000:D4}-{i / 10_000 % 10_000:D4}-{i % 10_000:D4}-0000";
            var account = new AccountRecord
            {
                Id = Guid.NewGuid(),
                Email = $"u{i}@example.com",
                LookupKey = $"u{i}@example.com",
                PasswordHash = "$2b$10$benchmark",
                SecurityStamp = "BENCHMARK",
                CreatedAt = Now,
            };
            await _indexed.RecordActivationAsync(serial, PurchaseChannel.Direct, null, Now, CancellationToken.None);
            if (await _indexed.CreateWithSerialAsync(account, serial, Now, CancellationToken.None) != StoreWriteStatus.Succeeded)
            {
                throw new InvalidOperationException("Setup failed.");
            }

            _account = account.Id;
            if (scanning)
            {
                // The same linked record, in the baseline's plain dictionary; the indexed store is refilled for its own case.
                _scanning.Add((await _indexed.FindSerialAsync(serial, CancellationToken.None))!);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<SerialRecord> FindSerialsByAccount_ScanEverySerial() => _scanning.FindByAccount(_account);

    [Benchmark]
    public IReadOnlyList<SerialRecord> FindSerialsByAccount_AccountIndex() =>
        _indexed.FindSerialsByAccountAsync(_account, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The account store's serial look-up as it was on main before issue 13.</summary>
    private sealed class ScanningSerials
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, SerialRecord> _serials = new(StringComparer.Ordinal);

        public void Add(SerialRecord serial)
        {
            lock (_gate)
            {
                _serials.Add(serial.Serial, serial);
            }
        }

        public IReadOnlyList<SerialRecord> FindByAccount(Guid accountId)
        {
            lock (_gate)
            {
                return _serials.Values
                    .Where(s => s.AccountId == accountId)
                    .OrderBy(s => s.Serial, StringComparer.Ordinal)
                    .ToArray();
            }
        }
    }
}
