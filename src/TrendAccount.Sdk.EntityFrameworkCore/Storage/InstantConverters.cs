using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>How instants (<see cref="DateTimeOffset"/>) are stored.</summary>
internal static class InstantConverters
{
    /// <summary>
    /// SQLite has no date type and cannot compare <see cref="DateTimeOffset"/> text server-side, so instants are
    /// stored as UTC ticks (100 ns since 0001-01-01) in an INTEGER column: ordered, exact, and comparable in SQL.
    /// </summary>
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    /// <summary>
    /// Databases with a native instant type (PostgreSQL <c>timestamptz</c>) get the value at offset zero: Npgsql refuses
    /// other offsets, and one offset everywhere keeps the stored values comparable.
    /// </summary>
    public static readonly ValueConverter<DateTimeOffset, DateTimeOffset> ToUtc = new(
        value => value.ToUniversalTime(),
        value => value);
}
