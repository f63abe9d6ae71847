using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AccountStoreSpecification
{
    /// <summary>
    /// Every member given a token that is already cancelled throws <see cref="OperationCanceledException"/>, and a
    /// write that would otherwise have succeeded leaves no trace.
    /// </summary>
    /// <param name="member">The <see cref="IAccountStore"/> member called.</param>
    /// <returns>A task that completes when the test has run.</returns>
    [Theory]
    [InlineData(nameof(IAccountStore.FindByIdAsync))]
    [InlineData(nameof(IAccountStore.FindByLookupKeyAsync))]
    [InlineData(nameof(IAccountStore.CreateWithSerialAsync))]
    [InlineData(nameof(IAccountStore.ChangePasswordAsync))]
    [InlineData(nameof(IAccountStore.UpgradePasswordHashAsync))]
    [InlineData(nameof(IAccountStore.RecordFailedSignInAsync))]
    [InlineData(nameof(IAccountStore.ResetFailedSignInsAsync))]
    [InlineData(nameof(IAccountStore.FindSerialAsync))]
    [InlineData(nameof(IAccountStore.FindSerialsByAccountAsync))]
    [InlineData(nameof(IAccountStore.RecordActivationAsync))]
    [InlineData(nameof(IAccountStore.LinkSerialAsync))]
    public async Task Member_PreCancelledToken_ThrowsOperationCanceledAndWritesNothing(string member)
    {
        var store = await NewStoreAsync();
        var (account, linked) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 5, Origin.AddMinutes(15), Origin, CancellationToken.None);
        var free = await ActivateAsync(store);
        var newcomer = NewAccount();
        var accountBefore = await store.FindByIdAsync(account.Id, CancellationToken.None);
        var linkedBefore = await store.FindSerialAsync(linked, CancellationToken.None);
        var freeBefore = await store.FindSerialAsync(free, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var cancelled = cancellation.Token;

        Func<Task> call = member switch
        {
            nameof(IAccountStore.FindByIdAsync) => () => store.FindByIdAsync(account.Id, cancelled),
            nameof(IAccountStore.FindByLookupKeyAsync) => () => store.FindByLookupKeyAsync(account.LookupKey, cancelled),
            nameof(IAccountStore.CreateWithSerialAsync) => () => store.CreateWithSerialAsync(newcomer, free, Origin.AddHours(1), cancelled),
            nameof(IAccountStore.ChangePasswordAsync) => () => store.ChangePasswordAsync(account.Id, account.SecurityStamp, NewPasswordHash(), AccountRecord.NewSecurityStamp(), cancelled),
            nameof(IAccountStore.UpgradePasswordHashAsync) => () => store.UpgradePasswordHashAsync(account.Id, account.PasswordHash, NewPasswordHash(), cancelled),
            nameof(IAccountStore.RecordFailedSignInAsync) => () => store.RecordFailedSignInAsync(account.Id, 1, Origin.AddHours(1), Origin.AddMinutes(1), cancelled),
            nameof(IAccountStore.ResetFailedSignInsAsync) => () => store.ResetFailedSignInsAsync(account.Id, cancelled),
            nameof(IAccountStore.FindSerialAsync) => () => store.FindSerialAsync(linked, cancelled),
            nameof(IAccountStore.FindSerialsByAccountAsync) => () => store.FindSerialsByAccountAsync(account.Id, cancelled),
            nameof(IAccountStore.RecordActivationAsync) => () => store.RecordActivationAsync(free, PurchaseChannel.Direct, "TMS-2017", Origin.AddDays(1), cancelled),
            nameof(IAccountStore.LinkSerialAsync) => () => store.LinkSerialAsync(free, account.Id, Origin.AddHours(1), cancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(member), member, "Not a member of IAccountStore."),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(call);

        Assert.Equal(accountBefore, await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Equal(linkedBefore, await store.FindSerialAsync(linked, CancellationToken.None));
        Assert.Equal(freeBefore, await store.FindSerialAsync(free, CancellationToken.None));
        await AssertNotStoredAsync(store, newcomer);
        Assert.Null(await store.FindByLookupKeyAsync(newcomer.LookupKey, CancellationToken.None));
    }
}
