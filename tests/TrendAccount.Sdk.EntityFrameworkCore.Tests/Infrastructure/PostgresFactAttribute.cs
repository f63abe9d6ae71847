namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A fact that needs PostgreSQL: skipped with a message when no server is configured, unless servers are required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestServers.PostgresSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
