namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>The maximum lengths of the text columns (enforced by PostgreSQL, advisory on SQLite).</summary>
internal static class ColumnLengths
{
    /// <summary>An email address: 64-character local part, "@", 255-character domain.</summary>
    public const int Email = 320;

    /// <summary>A password hash string; bcrypt needs 60 characters, the rest leaves room for a format prefix.</summary>
    public const int PasswordHash = 256;

    /// <summary>A security stamp (32 hex characters from <see cref="AccountRecord.NewSecurityStamp"/>).</summary>
    public const int SecurityStamp = 64;

    /// <summary>A canonical serial (24 characters) with room to spare.</summary>
    public const int Serial = 32;

    /// <summary>A product code reported by an activation.</summary>
    public const int ProductCode = 64;

    /// <summary>An attempt-counter key: a short purpose prefix and a hashed or normalized key (a few hundred characters at most).</summary>
    public const int CounterKey = 512;
}
