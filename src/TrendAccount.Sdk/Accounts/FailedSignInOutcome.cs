namespace TrendAccount.Sdk;

/// <summary>The outcome of <see cref="IAccountStore.RecordFailedSignInAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="FailedCount">The failure count after this call (0 after a lockout resets it).</param>
/// <param name="LockoutEnd">The end of the lockout, when the account is locked.</param>
public readonly record struct FailedSignInOutcome(FailedSignInStatus Status, int FailedCount, DateTimeOffset? LockoutEnd);
