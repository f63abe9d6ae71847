namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The EF Core provider names the model and the stores tell apart.</summary>
internal static class ProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    public const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsSqlite(string? providerName) => string.Equals(providerName, Sqlite, StringComparison.Ordinal);

    /// <summary>Tells whether the provider's database supports <c>UPDATE … RETURNING</c> (SQLite 3.35+, PostgreSQL).</summary>
    /// <param name="providerName">The provider name.</param>
    /// <returns><see langword="true"/> for SQLite and PostgreSQL.</returns>
    public static bool SupportsUpdateReturning(string? providerName) =>
        IsSqlite(providerName) || string.Equals(providerName, Npgsql, StringComparison.Ordinal);
}
