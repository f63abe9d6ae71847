using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// <see cref="IAccountStore"/> on Entity Framework Core. Thread-safe (a fresh context per call). Every write is one
/// conditional UPDATE, or one transaction, whose conditions the database evaluates, so the invariants hold across
/// processes: the unique index on the lookup key, the <c>account_id IS NULL</c> guard on a serial, the expected
/// stamp or hash of a password change, and the lockout guard of a failed sign-in. Every write to an account row bumps
/// its <c>version</c> concurrency token, so a host's own tracked edit that races a store write fails instead of
/// overwriting it.
/// </summary>
/// <typeparam name="TContext">The host's context, whose model includes <see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>.</typeparam>
internal sealed class EntityFrameworkAccountStore<TContext> : IAccountStore
    where TContext : DbContext
{
    private readonly DbContextSource<TContext> _contexts;

    public EntityFrameworkAccountStore(DbContextSource<TContext> contexts)
    {
        _contexts = contexts;
    }

    /// <summary>
    /// Gets a value indicating whether failed sign-ins are recorded with one <c>UPDATE … RETURNING</c> on the
    /// databases that have it (exact per-caller counts); when <see langword="false"/>, or on other databases, with two
    /// conditional updates. Tests turn it off to cover the fallback on SQLite and PostgreSQL.
    /// </summary>
    internal bool UseUpdateReturning { get; init; } = true;

    public async Task<AccountRecord?> FindByIdAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var entity = await lease.Context.Set<AccountEntity>()
            .AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            .ConfigureAwait(false);
        return entity?.ToRecord();
    }

    public async Task<AccountRecord?> FindByLookupKeyAsync(string lookupKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookupKey);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var entity = await lease.Context.Set<AccountEntity>()
            .AsNoTracking()
            .FirstOrDefaultAsync(a => a.LookupKey == lookupKey, cancellationToken)
            .ConfigureAwait(false);
        return entity?.ToRecord();
    }

    public async Task<StoreWriteStatus> CreateWithSerialAsync(AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(serial);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var context = lease.Context;

        // A host may configure a retrying execution strategy; it must own the whole transaction to replay it.
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (Context: context, Account: account, Serial: serial, LinkedAt: linkedAt),
            static (_, state, ct) => CreateWithSerialCoreAsync(state.Context, state.Account, state.Serial, state.LinkedAt, ct),
            verifySucceeded: null,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoreWriteStatus> ChangePasswordAsync(Guid accountId, string expectedSecurityStamp, string newPasswordHash, string newSecurityStamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedSecurityStamp);
        ArgumentNullException.ThrowIfNull(newPasswordHash);
        ArgumentNullException.ThrowIfNull(newSecurityStamp);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var accounts = lease.Context.Set<AccountEntity>();

        // UPDATE trend_accounts SET password_hash = @hash, security_stamp = @stamp, failed_sign_in_count = 0,
        //   lockout_end = NULL, version = version + 1
        // WHERE id = @id AND security_stamp = @expected
        var rows = await accounts
            .Where(a => a.Id == accountId && a.SecurityStamp == expectedSecurityStamp)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.PasswordHash, newPasswordHash)
                    .SetProperty(a => a.SecurityStamp, newSecurityStamp)
                    .SetProperty(a => a.FailedSignInCount, 0)
                    .SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null)
                    .SetProperty(a => a.Version, a => a.Version + 1),
                cancellationToken)
            .ConfigureAwait(false);
        return rows == 1 ? StoreWriteStatus.Succeeded : await ConflictOrNotFoundAsync(accounts, accountId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoreWriteStatus> UpgradePasswordHashAsync(Guid accountId, string expectedPasswordHash, string newPasswordHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedPasswordHash);
        ArgumentNullException.ThrowIfNull(newPasswordHash);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var accounts = lease.Context.Set<AccountEntity>();

        // UPDATE trend_accounts SET password_hash = @hash, version = version + 1
        // WHERE id = @id AND password_hash = @expected
        var rows = await accounts
            .Where(a => a.Id == accountId && a.PasswordHash == expectedPasswordHash)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.PasswordHash, newPasswordHash)
                    .SetProperty(a => a.Version, a => a.Version + 1),
                cancellationToken)
            .ConfigureAwait(false);
        return rows == 1 ? StoreWriteStatus.Succeeded : await ConflictOrNotFoundAsync(accounts, accountId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FailedSignInOutcome> RecordFailedSignInAsync(Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumFailedAttempts, 1);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var context = lease.Context;

        if (UseUpdateReturning && ProviderNames.SupportsUpdateReturning(context.Database.ProviderName))
        {
            var counts = await context.Database
                .SqlQueryRaw<int>(
                    FailedSignInSql.For(context),
                    maximumFailedAttempts,
                    FailedSignInSql.ToProviderInstant(context, lockoutEnd),
                    accountId,
                    FailedSignInSql.ToProviderInstant(context, now))
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            if (counts.Count == 1)
            {
                return counts[0] == 0
                    ? new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, lockoutEnd)
                    : new FailedSignInOutcome(FailedSignInStatus.Counted, counts[0], null);
            }

            return await NotCountedAsync(context.Set<AccountEntity>(), accountId, cancellationToken).ConfigureAwait(false);
        }

        return await RecordFailedSignInInTwoStepsAsync(context.Set<AccountEntity>(), accountId, maximumFailedAttempts, lockoutEnd, now, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResetFailedSignInsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);

        // UPDATE trend_accounts SET failed_sign_in_count = 0, lockout_end = NULL, version = version + 1
        // WHERE id = @id AND (failed_sign_in_count <> 0 OR lockout_end IS NOT NULL)
        // Called after a successful sign-in, which the flows allow only when the account is not locked, so the
        // lockout end left here is one that has expired. The guard skips the write when there is nothing to reset.
        await lease.Context.Set<AccountEntity>()
            .Where(a => a.Id == accountId && (a.FailedSignInCount != 0 || a.LockoutEnd != null))
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.FailedSignInCount, 0)
                    .SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null)
                    .SetProperty(a => a.Version, a => a.Version + 1),
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<SerialRecord?> FindSerialAsync(string serial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var entity = await FindSerialEntityAsync(lease.Context, serial, cancellationToken).ConfigureAwait(false);
        return entity?.ToRecord();
    }

    public async Task<IReadOnlyList<SerialRecord>> FindSerialsByAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var entities = await lease.Context.Set<SerialEntity>()
            .AsNoTracking()
            .Where(s => s.AccountId == accountId)
            .OrderBy(s => s.Serial)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return entities.ConvertAll(static s => s.ToRecord());
    }

    public async Task<SerialRecord> RecordActivationAsync(string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var context = lease.Context;

        // Update the existing row; insert when there is none; and if another process inserted it in between
        // (unique violation on the key), update the row it created. The account link is never touched.
        for (var attempt = 0; ; attempt++)
        {
            var updated = await UpdateActivationAsync(context, serial, channel, productCode, activatedAt, cancellationToken).ConfigureAwait(false);
            if (updated == 0)
            {
                context.ChangeTracker.Clear();
                context.Set<SerialEntity>().Add(new SerialEntity
                {
                    Serial = serial,
                    Channel = channel,
                    ProductCode = productCode,
                    ActivatedAt = activatedAt,
                });
                try
                {
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException exception) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(exception))
                {
                    context.ChangeTracker.Clear();
                    continue;
                }
            }

            var stored = await FindSerialEntityAsync(context, serial, cancellationToken).ConfigureAwait(false);
            return stored?.ToRecord() ?? throw new InvalidOperationException("The serial registration disappeared while it was being written.");
        }
    }

    public async Task<StoreWriteStatus> LinkSerialAsync(string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var release = lease.ConfigureAwait(false);
        var context = lease.Context;
        var rows = await LinkCoreAsync(context, serial, accountId, linkedAt, cancellationToken).ConfigureAwait(false);
        return rows == 1 ? StoreWriteStatus.Succeeded : await ExplainFailedLinkAsync(context, serial, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoreWriteStatus> CreateWithSerialCoreAsync(TContext context, AccountRecord account, string serial, DateTimeOffset linkedAt, CancellationToken cancellationToken)
    {
        context.ChangeTracker.Clear();

        // Fail fast, writing nothing, when the serial cannot be linked; the conditional link below re-checks it
        // inside the transaction, where it counts.
        var before = await ExplainUnlinkableAsync(context, serial, cancellationToken).ConfigureAwait(false);
        if (before is { } refused)
        {
            return refused;
        }

        // On SQLite, Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken up front, so two
        // registrations queue (busy timeout) instead of failing to upgrade a read lock.
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var releaseTransaction = transaction.ConfigureAwait(false);
        context.Set<AccountEntity>().Add(AccountEntity.From(account));
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            context.ChangeTracker.Clear();
            return StoreWriteStatus.DuplicateEmail;
        }

        var linked = await LinkCoreAsync(context, serial, account.Id, linkedAt, cancellationToken).ConfigureAwait(false);
        if (linked != 1)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            context.ChangeTracker.Clear();
            return await ExplainFailedLinkAsync(context, serial, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return StoreWriteStatus.Succeeded;
    }

    // UPDATE trend_serials SET account_id = @account, linked_at = @linkedAt
    // WHERE serial = @serial AND account_id IS NULL AND activated_at IS NOT NULL
    //   AND EXISTS (SELECT 1 FROM trend_accounts WHERE id = @account)
    private static Task<int> LinkCoreAsync(TContext context, string serial, Guid accountId, DateTimeOffset linkedAt, CancellationToken cancellationToken) =>
        context.Set<SerialEntity>()
            .Where(s => s.Serial == serial
                && s.AccountId == null
                && s.ActivatedAt != null
                && context.Set<AccountEntity>().Any(a => a.Id == accountId))
            .ExecuteUpdateAsync(
                s => s.SetProperty(x => x.AccountId, (Guid?)accountId)
                    .SetProperty(x => x.LinkedAt, (DateTimeOffset?)linkedAt),
                cancellationToken);

    // UPDATE trend_serials SET channel = @channel, activated_at = @activatedAt [, product_code = @productCode]
    // WHERE serial = @serial
    private static Task<int> UpdateActivationAsync(TContext context, string serial, PurchaseChannel channel, string? productCode, DateTimeOffset activatedAt, CancellationToken cancellationToken) =>
        context.Set<SerialEntity>()
            .Where(s => s.Serial == serial)
            .ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(x => x.Channel, channel);
                    s.SetProperty(x => x.ActivatedAt, (DateTimeOffset?)activatedAt);
                    if (productCode is not null)
                    {
                        s.SetProperty(x => x.ProductCode, productCode);
                    }
                },
                cancellationToken);

    private static async Task<StoreWriteStatus> ExplainFailedLinkAsync(TContext context, string serial, CancellationToken cancellationToken) =>
        await ExplainUnlinkableAsync(context, serial, cancellationToken).ConfigureAwait(false)
        ?? StoreWriteStatus.NotFound; // the serial is linkable, so the account is missing

    private static async Task<StoreWriteStatus?> ExplainUnlinkableAsync(TContext context, string serial, CancellationToken cancellationToken)
    {
        var current = await FindSerialEntityAsync(context, serial, cancellationToken).ConfigureAwait(false);
        return current switch
        {
            null => StoreWriteStatus.NotFound,
            { ActivatedAt: null } => StoreWriteStatus.SerialNotActivated,
            { AccountId: not null } => StoreWriteStatus.SerialAlreadyLinked,
            _ => null,
        };
    }

    private static Task<SerialEntity?> FindSerialEntityAsync(TContext context, string serial, CancellationToken cancellationToken) =>
        context.Set<SerialEntity>()
            .AsNoTracking()
            .FirstOrDefaultAsync(s => s.Serial == serial, cancellationToken);

    /// <summary>
    /// Records a failed sign-in with two conditional updates, for databases without <c>UPDATE … RETURNING</c>:
    /// exactly one caller locks the account, but under a race the counts reported (a read after the write) are
    /// snapshots, and a few failures past the threshold may be counted before the lockout lands.
    /// </summary>
    private static async Task<FailedSignInOutcome> RecordFailedSignInInTwoStepsAsync(DbSet<AccountEntity> accounts, Guid accountId, int maximumFailedAttempts, DateTimeOffset lockoutEnd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // (1) UPDATE trend_accounts SET failed_sign_in_count = failed_sign_in_count + 1, version = version + 1
        //     WHERE id = @id AND (lockout_end IS NULL OR lockout_end <= @now)
        var counted = await accounts
            .Where(a => a.Id == accountId && (a.LockoutEnd == null || a.LockoutEnd <= now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.FailedSignInCount, a => a.FailedSignInCount + 1)
                    .SetProperty(a => a.Version, a => a.Version + 1),
                cancellationToken)
            .ConfigureAwait(false);
        if (counted == 0)
        {
            return await NotCountedAsync(accounts, accountId, cancellationToken).ConfigureAwait(false);
        }

        // (2) UPDATE trend_accounts SET lockout_end = @until, failed_sign_in_count = 0, version = version + 1
        //     WHERE id = @id AND failed_sign_in_count >= @max AND (lockout_end IS NULL OR lockout_end <= @now)
        // Of all callers that reach this point together, the database lets exactly one match the lockout guard.
        var locked = await accounts
            .Where(a => a.Id == accountId
                && a.FailedSignInCount >= maximumFailedAttempts
                && (a.LockoutEnd == null || a.LockoutEnd <= now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.LockoutEnd, (DateTimeOffset?)lockoutEnd)
                    .SetProperty(a => a.FailedSignInCount, 0)
                    .SetProperty(a => a.Version, a => a.Version + 1),
                cancellationToken)
            .ConfigureAwait(false);
        if (locked == 1)
        {
            return new FailedSignInOutcome(FailedSignInStatus.LockedOut, 0, lockoutEnd);
        }

        var after = await ReadLockoutAsync(accounts, accountId, cancellationToken).ConfigureAwait(false);
        return new FailedSignInOutcome(FailedSignInStatus.Counted, after?.FailedSignInCount ?? 0, null);
    }

    /// <summary>Explains a failure that matched no row: the account is locked, or it does not exist.</summary>
    private static async Task<FailedSignInOutcome> NotCountedAsync(DbSet<AccountEntity> accounts, Guid accountId, CancellationToken cancellationToken)
    {
        var current = await ReadLockoutAsync(accounts, accountId, cancellationToken).ConfigureAwait(false);
        return current is null
            ? new FailedSignInOutcome(FailedSignInStatus.NotFound, 0, null)
            : new FailedSignInOutcome(FailedSignInStatus.AlreadyLockedOut, current.FailedSignInCount, current.LockoutEnd);
    }

    private static async Task<StoreWriteStatus> ConflictOrNotFoundAsync(DbSet<AccountEntity> accounts, Guid accountId, CancellationToken cancellationToken) =>
        await accounts.AnyAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false)
            ? StoreWriteStatus.Conflict
            : StoreWriteStatus.NotFound;

    private static Task<LockoutState?> ReadLockoutAsync(DbSet<AccountEntity> accounts, Guid accountId, CancellationToken cancellationToken) =>
        accounts
            .AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new LockoutState(a.FailedSignInCount, a.LockoutEnd))
            .FirstOrDefaultAsync(cancellationToken);

    private sealed record LockoutState(int FailedSignInCount, DateTimeOffset? LockoutEnd);
}
