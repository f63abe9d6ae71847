namespace TrendAccount.Sdk.Tests.Infrastructure;

/// <summary>
/// An <see cref="ITokenStore"/> around another store that can hold <see cref="AddAsync"/> at a gate and tells when a
/// token was stored: two of them over one shared store force the interleaving of two nodes, with no sleeps.
/// </summary>
public sealed class GatedTokenStore(ITokenStore inner) : ITokenStore
{
    /// <summary>Gets or sets a task every <see cref="AddAsync"/> waits for before it stores (null: no gate).</summary>
    public Task? BeforeAdd { get; set; }

    /// <summary>Gets a task that completes when the first token has been stored through this store.</summary>
    public TaskCompletionSource Added { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task AddAsync(TokenRecord token, CancellationToken cancellationToken)
    {
        if (BeforeAdd is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        await inner.AddAsync(token, cancellationToken);
        Added.TrySetResult();
    }

    public Task<TokenRecord?> FindAsync(string digest, CancellationToken cancellationToken) => inner.FindAsync(digest, cancellationToken);

    public Task<bool> TryConsumeAsync(string digest, DateTimeOffset now, CancellationToken cancellationToken) => inner.TryConsumeAsync(digest, now, cancellationToken);

    public Task<bool> TryExtendAsync(string digest, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryExtendAsync(digest, expiresAt, now, cancellationToken);

    public Task<int> RevokeAllAsync(Guid accountId, TokenPurpose? purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RevokeAllAsync(accountId, purpose, now, cancellationToken);

    public Task<int> RevokeAllButNewestAsync(Guid accountId, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RevokeAllButNewestAsync(accountId, purpose, now, cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken) =>
        inner.PurgeExpiredAsync(before, batchSize, cancellationToken);
}
