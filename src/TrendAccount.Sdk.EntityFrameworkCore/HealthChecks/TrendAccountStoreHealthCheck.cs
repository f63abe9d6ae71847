using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// Reports whether the account and token stores can serve requests: when they are the Entity Framework stores on
/// <typeparamref name="TContext"/>, the database accepts a connection (<c>CanConnectAsync</c>) and answers a query on
/// the accounts and tokens tables (so a database without the TrendAccount schema is unhealthy, not just a dead one);
/// in-process stores (the in-memory ones) are always healthy. Thread-safe.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class TrendAccountStoreHealthCheck<TContext> : IHealthCheck
    where TContext : DbContext
{
    private readonly DbContextSource<TContext> _contexts;
    private readonly IAccountStore? _accounts;
    private readonly ITokenStore? _tokens;

    public TrendAccountStoreHealthCheck(DbContextSource<TContext> contexts, IAccountStore? accounts, ITokenStore? tokens)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
        _accounts = accounts;
        _tokens = tokens;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_accounts is null || _tokens is null)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No TrendAccount account or token store is registered.");
        }

        if (_accounts is not EntityFrameworkAccountStore<TContext> && _tokens is not EntityFrameworkTokenStore<TContext>)
        {
            return HealthCheckResult.Healthy($"In-process stores ({_accounts.GetType().Name}, {_tokens.GetType().Name}); nothing to probe.");
        }

        try
        {
            var lease = await _contexts.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var release = lease.ConfigureAwait(false);
            var database = lease.Context.Database;
            if (!await database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"The {database.ProviderName} database of the TrendAccount stores refuses connections.");
            }

            // SELECT EXISTS (SELECT 1 FROM trend_accounts), and the same for trend_tokens: cheap on any size of table.
            _ = await lease.Context.Set<AccountEntity>().AnyAsync(cancellationToken).ConfigureAwait(false);
            _ = await lease.Context.Set<TokenEntity>().AnyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The {database.ProviderName} database of the TrendAccount stores answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database of the TrendAccount stores failed a query: " + exception.Message, exception);
        }
    }
}
