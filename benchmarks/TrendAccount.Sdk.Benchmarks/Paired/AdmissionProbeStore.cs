using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TrendAccount.Sdk.Benchmarks.Paired;

/// <summary>
/// An <see cref="IAccountStore"/> that forwards every call and stamps the moment a sign-in was admitted: the sign-in
/// handler looks the address up right after the verification gate lets it through and before it verifies, so the
/// first <see cref="FindByLookupKeyAsync"/> of a sign-in splits its time into the wait for a slot and the work after
/// it. The stamp goes to the box in <see cref="Admitted"/>, which flows with the caller's async context.
/// </summary>
internal sealed class AdmissionProbeStore(IAccountStore inner) : IAccountStore
{
    /// <summary>Gets the caller's box for the admission timestamp (<see cref="Stopwatch.GetTimestamp"/>); 0 until admitted.</summary>
    public static AsyncLocal<StrongBox<long>?> Admitted { get; } = new();

    public Task<AccountRecord?> FindByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken)
    {
        if (Admitted.Value is { Value: 0 } box)
        {
            box.Value = Stopwatch.GetTimestamp();
        }

        return inner.FindByLookupKeyAsync(lookupKey, cancellationToken);
    }

    public Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken) =>
        inner.FindByIdAsync(accountId, cancellationToken);

    public Task<StoreWriteStatus> CreateWithSerialAsync(AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken) =>
        inner.CreateWithSerialAsync(account, serial, linkedAt, cancellationToken);

    public Task<StoreWriteStatus> ChangePasswordAsync(Guid accountId, string expectedSecurityStamp, string newPasswordHash, string newSecurityStamp, CancellationToken cancellationToken) =>
        inner.ChangePasswordAsync(accountId, expectedSecurityStamp, newPasswordHash, newSecurityStamp, cancellationToken);

    public Task<StoreWriteStatus> UpgradePasswordHashAsync(Guid accountId, string expectedPasswordHash, string newPasswordHash, CancellationToken cancellationToken) =>
        inner.UpgradePasswordHashAsync(accountId, expectedPasswordHash, newPasswordHash, cancellationToken);

    public Task<FailedSignInOutcome> RecordFailedSignInAsync(Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RecordFailedSignInAsync(accountId, maximumFailedAttempts, lockoutEnd, now, cancellationToken);

    public Task ResetFailedSignInsAsync(Guid accountId, CancellationToken cancellationToken) =>
        inner.ResetFailedSignInsAsync(accountId, cancellationToken);

    public Task<SerialRecord?> FindSerialAsync(string serial, CancellationToken cancellationToken) =>
        inner.FindSerialAsync(serial, cancellationToken);

    public Task<IReadOnlyList<SerialRecord>> FindSerialsByAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        inner.FindSerialsByAccountAsync(accountId, cancellationToken);

    public Task<SerialRecord> RecordActivationAsync(string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken) =>
        inner.RecordActivationAsync(serial, channel, productCode, activatedAt, cancellationToken);

    public Task<StoreWriteStatus> LinkSerialAsync(string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken) =>
        inner.LinkSerialAsync(serial, accountId, linkedAt, cancellationToken);
}
