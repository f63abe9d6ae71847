using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrendAccount.Sdk.InMemory;

namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>An <see cref="IAccountStore"/> around the in-memory store that counts calls and can hold them at a gate.</summary>
public sealed class SpyAccountStore : IAccountStore
{
    private readonly IAccountStore _inner;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public SpyAccountStore(IAccountStore inner) => _inner = inner;

    /// <summary>Gets or sets a gate every call waits on first (null: no gate).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int TotalCalls => _calls.Values.Sum();

    public static void Install(TrendAccountBuilder builder)
    {
        builder.Services.RemoveAll<IAccountStore>();
        builder.Services.AddSingleton<IAccountStore>(sp => new SpyAccountStore(sp.GetRequiredService<InMemoryAccountStore>()));
    }

    public int Calls(string method) => _calls.TryGetValue(method, out var count) ? count : 0;

    public async Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.FindByIdAsync(accountId, cancellationToken);
    }

    public async Task<AccountRecord?> FindByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.FindByLookupKeyAsync(lookupKey, cancellationToken);
    }

    public async Task<StoreWriteStatus> CreateWithSerialAsync(AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.CreateWithSerialAsync(account, serial, linkedAt, cancellationToken);
    }

    public async Task<StoreWriteStatus> ChangePasswordAsync(Guid accountId, string expectedSecurityStamp, string newPasswordHash, string newSecurityStamp, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.ChangePasswordAsync(accountId, expectedSecurityStamp, newPasswordHash, newSecurityStamp, cancellationToken);
    }

    public async Task<StoreWriteStatus> UpgradePasswordHashAsync(Guid accountId, string expectedPasswordHash, string newPasswordHash, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.UpgradePasswordHashAsync(accountId, expectedPasswordHash, newPasswordHash, cancellationToken);
    }

    public async Task<FailedSignInOutcome> RecordFailedSignInAsync(Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.RecordFailedSignInAsync(accountId, maximumFailedAttempts, lockoutEnd, now, cancellationToken);
    }

    public async Task ResetFailedSignInsAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        await _inner.ResetFailedSignInsAsync(accountId, cancellationToken);
    }

    public async Task<SerialRecord?> FindSerialAsync(string serial, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.FindSerialAsync(serial, cancellationToken);
    }

    public async Task<IReadOnlyList<SerialRecord>> FindSerialsByAccountAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.FindSerialsByAccountAsync(accountId, cancellationToken);
    }

    public async Task<SerialRecord> RecordActivationAsync(string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.RecordActivationAsync(serial, channel, productCode, activatedAt, cancellationToken);
    }

    public async Task<StoreWriteStatus> LinkSerialAsync(string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken = default)
    {
        await EnterAsync();
        return await _inner.LinkSerialAsync(serial, accountId, linkedAt, cancellationToken);
    }

    private async Task EnterAsync([CallerMemberName] string method = "")
    {
        _calls.AddOrUpdate(method, 1, (_, count) => count + 1);
        if (Gate is { } gate)
        {
            await gate.Task;
        }
    }
}
