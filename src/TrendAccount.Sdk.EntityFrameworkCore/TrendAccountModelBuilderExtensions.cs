using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrendAccount.Sdk;
using TrendAccount.Sdk.EntityFrameworkCore;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the TrendAccount.Sdk tables to a host's Entity Framework Core model.</summary>
public static class TrendAccountModelBuilderExtensions
{
    /// <summary>The name of the accounts table.</summary>
    public const string AccountsTable = "trend_accounts";

    /// <summary>The name of the serial registrations table.</summary>
    public const string SerialsTable = "trend_serials";

    /// <summary>The name of the tokens table.</summary>
    public const string TokensTable = "trend_tokens";

    /// <summary>The name of the attempt-counter table (used by <c>UseEntityFrameworkAttemptCounter</c>).</summary>
    public const string CountersTable = "trend_counters";

    /// <summary>The name of the mail outbox table (see docs/stores.md, "Outbox").</summary>
    public const string OutboxTable = "trend_outbox";

    /// <summary>
    /// Maps the accounts, serials, tokens and mail outbox tables (<c>trend_accounts</c>, <c>trend_serials</c>,
    /// <c>trend_tokens</c>, <c>trend_outbox</c>) and the attempt-counter table (<c>trend_counters</c>, used only when
    /// the host opts in with <c>UseEntityFrameworkAttemptCounter</c>) into the model, with the unique and lookup indexes
    /// the stores rely on. Call it from
    /// <see cref="DbContext.OnModelCreating(ModelBuilder)"/>: <c>modelBuilder.ApplyTrendAccountModel(Database);</c>
    /// </summary>
    /// <param name="modelBuilder">The model builder of the host's context.</param>
    /// <param name="database">The context's <see cref="DbContext.Database"/>; its provider decides how instants are stored.</param>
    /// <param name="schema">The schema of the tables, or <see langword="null"/> for the database's default (SQLite has none).</param>
    /// <returns>The same model builder.</returns>
    /// <remarks>
    /// On SQLite, instants are stored as UTC ticks in INTEGER columns, because SQLite cannot compare date-time text
    /// server-side and the stores' conditional writes compare instants in SQL. On every other provider they keep the
    /// provider's native type (PostgreSQL: <c>timestamp with time zone</c>), always written at offset zero.
    /// </remarks>
    public static ModelBuilder ApplyTrendAccountModel(this ModelBuilder modelBuilder, DatabaseFacade database, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(database);

        var sqlite = ProviderNames.IsSqlite(database.ProviderName);
        ValueConverter instants = sqlite ? InstantConverters.UtcTicks : InstantConverters.ToUtc;

        modelBuilder.Entity<AccountEntity>(account =>
        {
            account.ToTable(AccountsTable, schema);
            account.HasKey(a => a.Id).HasName("pk_" + AccountsTable);
            account.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
            account.Property(a => a.Email).HasColumnName("email").HasMaxLength(ColumnLengths.Email).IsRequired();
            account.Property(a => a.LookupKey).HasColumnName("lookup_key").HasMaxLength(ColumnLengths.Email).IsRequired();
            account.Property(a => a.PasswordHash).HasColumnName("password_hash").HasMaxLength(ColumnLengths.PasswordHash).IsRequired();
            account.Property(a => a.SecurityStamp).HasColumnName("security_stamp").HasMaxLength(ColumnLengths.SecurityStamp).IsRequired();
            account.Property(a => a.FailedSignInCount).HasColumnName("failed_sign_in_count");
            Instant(account.Property(a => a.LockoutEnd).HasColumnName("lockout_end"), instants);
            Instant(account.Property(a => a.CreatedAt).HasColumnName("created_at"), instants);
            account.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();
            account.HasIndex(a => a.LookupKey).IsUnique().HasDatabaseName("ux_" + AccountsTable + "_lookup_key");
        });

        modelBuilder.Entity<SerialEntity>(serial =>
        {
            serial.ToTable(SerialsTable, schema);
            serial.HasKey(s => s.Serial).HasName("pk_" + SerialsTable);
            serial.Property(s => s.Serial).HasColumnName("serial").HasMaxLength(ColumnLengths.Serial);
            serial.Property(s => s.Channel).HasColumnName("channel");
            serial.Property(s => s.ProductCode).HasColumnName("product_code").HasMaxLength(ColumnLengths.ProductCode);
            Instant(serial.Property(s => s.ActivatedAt).HasColumnName("activated_at"), instants);
            serial.Property(s => s.AccountId).HasColumnName("account_id");
            Instant(serial.Property(s => s.LinkedAt).HasColumnName("linked_at"), instants);
            serial.HasIndex(s => s.AccountId).HasDatabaseName("ix_" + SerialsTable + "_account_id");
            serial.HasOne<AccountEntity>()
                .WithMany()
                .HasForeignKey(s => s.AccountId)
                .OnDelete(DeleteBehavior.Restrict)
                .HasConstraintName("fk_" + SerialsTable + "_account_id");
        });

        modelBuilder.Entity<TokenEntity>(token =>
        {
            token.ToTable(TokensTable, schema);
            token.HasKey(t => t.Digest).HasName("pk_" + TokensTable);
            token.Property(t => t.Digest).HasColumnName("digest").HasMaxLength(TokenRecord.DigestLength);
            token.Property(t => t.AccountId).HasColumnName("account_id");
            token.Property(t => t.Purpose).HasColumnName("purpose");
            token.Property(t => t.SecurityStamp).HasColumnName("security_stamp").HasMaxLength(ColumnLengths.SecurityStamp).IsRequired();
            Instant(token.Property(t => t.IssuedAt).HasColumnName("issued_at"), instants);
            Instant(token.Property(t => t.ExpiresAt).HasColumnName("expires_at"), instants);
            Instant(token.Property(t => t.ConsumedAt).HasColumnName("consumed_at"), instants);
            token.Property(t => t.Payload).HasColumnName("payload").HasMaxLength(TokenRecord.MaximumPayloadLength);
            token.HasIndex(t => new { t.AccountId, t.Purpose }).HasDatabaseName("ix_" + TokensTable + "_account_id_purpose");
            token.HasIndex(t => t.ExpiresAt).HasDatabaseName("ix_" + TokensTable + "_expires_at");
        });

        MapCounters(modelBuilder, schema, instants);
        OutboxModel.Apply(modelBuilder, instants, schema);
        return modelBuilder;
    }

    // The counters table is mapped for every host, so that opting in to the database counter later needs no new
    // table in a migration of its own; it stays empty until then.
    private static void MapCounters(ModelBuilder modelBuilder, string? schema, ValueConverter instants) =>
        modelBuilder.Entity<CounterEntity>(counter =>
        {
            counter.ToTable(CountersTable, schema);
            counter.HasKey(c => c.Key).HasName("pk_" + CountersTable);
            counter.Property(c => c.Key).HasColumnName("key").HasMaxLength(ColumnLengths.CounterKey);
            counter.Property(c => c.Count).HasColumnName("count");
            Instant(counter.Property(c => c.WindowEnd).HasColumnName("window_end"), instants);
            counter.HasIndex(c => c.WindowEnd).HasDatabaseName("ix_" + CountersTable + "_window_end");
        });

    private static void Instant(PropertyBuilder property, ValueConverter converter) => property.HasConversion(converter);
}
