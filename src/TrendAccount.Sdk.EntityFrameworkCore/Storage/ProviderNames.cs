namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The EF Core provider names the model and the stores tell apart.</summary>
internal static class ProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public static bool IsSqlite(string? providerName) => string.Equals(providerName, Sqlite, StringComparison.Ordinal);
}
