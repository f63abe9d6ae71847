using Xunit;
using static TrendAccount.Sdk.Testing.ConformanceData;

namespace TrendAccount.Sdk.Testing;

public abstract partial class AccountStoreSpecification
{
    private static readonly DateTimeOffset LockoutEnd = Origin.AddMinutes(15);

    /// <summary>Failures below the threshold are counted one by one and do not lock.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_BelowThreshold_CountsEachFailure()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);

        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 1, null), await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None));
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 2, null), await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin.AddSeconds(1), CancellationToken.None));

        var stored = await store.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.Equal(account with { FailedSignInCount = 2 }, stored);
    }

    /// <summary>The failure that reaches the threshold locks the account until the given end and resets the count to zero.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_ReachingThreshold_LocksAndResetsCount()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None);
        await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None);

        var outcome = await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None);

        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, LockoutEnd), outcome);
        var stored = await store.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.Equal(account with { FailedSignInCount = 0, LockoutEnd = LockoutEnd }, stored);
        Assert.True(stored?.IsLockedOutAt(Origin));
    }

    /// <summary>With a threshold of one, the first failure locks.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_ThresholdOne_LocksOnFirstFailure()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);

        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, LockoutEnd), await store.RecordFailedSignInAsync(account.Id, 1, LockoutEnd, Origin, CancellationToken.None));
        Assert.Equal(LockoutEnd, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.LockoutEnd);
    }

    /// <summary>While the account is locked, a failure is not counted and neither moves nor restarts the lockout.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_WhileLockedOut_ReturnsAlreadyLockedOutAndCountsNothing()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 1, LockoutEnd, Origin, CancellationToken.None);
        var before = await store.FindByIdAsync(account.Id, CancellationToken.None);

        for (var i = 1; i <= 3; i++)
        {
            var outcome = await store.RecordFailedSignInAsync(account.Id, 1, Origin.AddMinutes(i).AddMinutes(15), Origin.AddMinutes(i), CancellationToken.None);
            Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.AlreadyLockedOut, 0, LockoutEnd), outcome);
        }

        Assert.Equal(before, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>One resolution step before the lockout ends, the account is still locked.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_OneStepBeforeLockoutEnd_ReturnsAlreadyLockedOut()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 1, LockoutEnd, Origin, CancellationToken.None);

        var outcome = await store.RecordFailedSignInAsync(account.Id, 1, LockoutEnd.AddHours(1), LockoutEnd - Resolution(), CancellationToken.None);

        Assert.Equal(FailedSignInStatus.AlreadyLockedOut, outcome.Status);
        Assert.Equal(LockoutEnd, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.LockoutEnd);
    }

    /// <summary>At the instant the lockout ends the account is unlocked, and failures are counted again from zero.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_AtLockoutEnd_CountsAgain()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None);
        await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None);
        await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd, Origin, CancellationToken.None);

        var outcome = await store.RecordFailedSignInAsync(account.Id, 3, LockoutEnd.AddMinutes(15), LockoutEnd, CancellationToken.None);

        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 1, null), outcome);
        Assert.Equal(1, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.FailedSignInCount);
    }

    /// <summary>After a lockout expires, reaching the threshold again starts a new lockout with the new end.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_AfterLockoutExpires_LocksAgainAtThreshold()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 2, LockoutEnd, Origin, CancellationToken.None);
        Assert.Equal(FailedSignInStatus.LockedOut, (await store.RecordFailedSignInAsync(account.Id, 2, LockoutEnd, Origin, CancellationToken.None)).Status);
        var later = LockoutEnd.AddMinutes(1);
        var secondEnd = later.AddMinutes(15);

        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 1, null), await store.RecordFailedSignInAsync(account.Id, 2, secondEnd, later, CancellationToken.None));
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, secondEnd), await store.RecordFailedSignInAsync(account.Id, 2, secondEnd, later, CancellationToken.None));

        var stored = await store.FindByIdAsync(account.Id, CancellationToken.None);
        Assert.Equal(secondEnd, stored?.LockoutEnd);
        Assert.Equal(0, stored?.FailedSignInCount);
    }

    /// <summary>A failure for an account that does not exist reports it and creates nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_UnknownAccount_ReturnsNotFound()
    {
        var store = await NewStoreAsync();
        var id = Guid.NewGuid();

        Assert.Equal(FailedSignInStatus.NotFound, (await store.RecordFailedSignInAsync(id, 3, LockoutEnd, Origin, CancellationToken.None)).Status);
        Assert.Null(await store.FindByIdAsync(id, CancellationToken.None));
    }

    /// <summary>
    /// 100 failures at once against a threshold of 10: exactly one caller locks the account, exactly nine are
    /// counted (one each of the counts 1 to 9), and every other caller finds it already locked.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_ParallelCallersPastThreshold_ExactlyOneLocksOut()
    {
        const int Threshold = 10;
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);

        var outcomes = await RunConcurrentlyAsync(ParallelCallers, _ => store.RecordFailedSignInAsync(account.Id, Threshold, LockoutEnd, Origin, CancellationToken.None));

        var lockedOut = Assert.Single(outcomes, o => o.Status == FailedSignInStatus.LockedOut);
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, LockoutEnd), lockedOut);
        var counted = outcomes.Where(o => o.Status == FailedSignInStatus.Counted).Select(o => o.FailedCount).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Threshold - 1).ToArray(), counted);
        Assert.Equal(ParallelCallers - Threshold, outcomes.Count(o => o.Status == FailedSignInStatus.AlreadyLockedOut));
        Assert.Equal(account with { FailedSignInCount = 0, LockoutEnd = LockoutEnd }, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>100 failures at once below the threshold: no increment is lost, each count from 1 to 100 is seen exactly once.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task RecordFailedSignInAsync_ParallelCallersBelowThreshold_CountsEveryFailure()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);

        var outcomes = await RunConcurrentlyAsync(ParallelCallers, _ => store.RecordFailedSignInAsync(account.Id, ParallelCallers + 1, LockoutEnd, Origin, CancellationToken.None));

        Assert.All(outcomes, o => Assert.Equal(FailedSignInStatus.Counted, o.Status));
        Assert.Equal(Enumerable.Range(1, ParallelCallers).ToArray(), outcomes.Select(o => o.FailedCount).Order().ToArray());
        Assert.Equal(ParallelCallers, (await store.FindByIdAsync(account.Id, CancellationToken.None))?.FailedSignInCount);
    }

    /// <summary>A successful sign-in resets the count, so the next failure is the first again.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ResetFailedSignInsAsync_AfterFailures_ResetsCount()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 5, LockoutEnd, Origin, CancellationToken.None);
        await store.RecordFailedSignInAsync(account.Id, 5, LockoutEnd, Origin, CancellationToken.None);

        await store.ResetFailedSignInsAsync(account.Id, CancellationToken.None);

        Assert.Equal(account, await store.FindByIdAsync(account.Id, CancellationToken.None));
        Assert.Equal(new FailedSignInOutcome(FailedSignInStatus.Counted, 1, null), await store.RecordFailedSignInAsync(account.Id, 5, LockoutEnd, Origin, CancellationToken.None));
    }

    /// <summary>A successful sign-in after a lockout expired clears the lockout end.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ResetFailedSignInsAsync_ExpiredLockout_ClearsLockoutEnd()
    {
        var store = await NewStoreAsync();
        var (account, _) = await RegisterAsync(store);
        await store.RecordFailedSignInAsync(account.Id, 1, LockoutEnd, Origin, CancellationToken.None);
        var later = LockoutEnd.AddMinutes(1);
        await store.RecordFailedSignInAsync(account.Id, 5, later.AddMinutes(15), later, CancellationToken.None);

        await store.ResetFailedSignInsAsync(account.Id, CancellationToken.None);

        Assert.Equal(account, await store.FindByIdAsync(account.Id, CancellationToken.None));
    }

    /// <summary>Resetting an account that does not exist does nothing and does not throw.</summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task ResetFailedSignInsAsync_UnknownAccount_DoesNothing()
    {
        var store = await NewStoreAsync();
        var id = Guid.NewGuid();

        await store.ResetFailedSignInsAsync(id, CancellationToken.None);

        Assert.Null(await store.FindByIdAsync(id, CancellationToken.None));
    }
}
