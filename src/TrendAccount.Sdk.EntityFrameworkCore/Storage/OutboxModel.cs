using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>Maps the outbox table; called by <see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>.</summary>
internal static class OutboxModel
{
    /// <summary>The longest subject kept.</summary>
    public const int SubjectLength = 512;

    /// <summary>The longest link kept (a base URL of the host's choosing plus a 43-character token).</summary>
    public const int LinkLength = 2048;

    /// <summary>The longest error text kept (the rest is cut).</summary>
    public const int ErrorLength = 1024;

    public static void Apply(ModelBuilder modelBuilder, ValueConverter instants, string? schema)
    {
        modelBuilder.Entity<OutboxEntity>(mail =>
        {
            const string table = TrendAccountModelBuilderExtensions.OutboxTable;
            mail.ToTable(table, schema);
            mail.HasKey(m => m.Id).HasName("pk_" + table);
            mail.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            mail.Property(m => m.State).HasColumnName("state");
            mail.Property(m => m.Priority).HasColumnName("priority");
            mail.Property(m => m.Kind).HasColumnName("kind");
            mail.Property(m => m.Recipient).HasColumnName("recipient").HasMaxLength(ColumnLengths.Email).IsRequired();
            mail.Property(m => m.Subject).HasColumnName("subject").HasMaxLength(SubjectLength).IsRequired();
            mail.Property(m => m.TextBody).HasColumnName("text_body").IsRequired();
            mail.Property(m => m.HtmlBody).HasColumnName("html_body").IsRequired();
            mail.Property(m => m.Link).HasColumnName("link").HasMaxLength(LinkLength);
            mail.Property(m => m.CreatedAt).HasColumnName("created_at").HasConversion(instants);
            mail.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at").HasConversion(instants);
            mail.Property(m => m.Attempts).HasColumnName("attempts");
            mail.Property(m => m.ClaimId).HasColumnName("claim_id");
            mail.Property(m => m.LeaseUntil).HasColumnName("lease_until").HasConversion(instants);
            mail.Property(m => m.DeliveredAt).HasColumnName("delivered_at").HasConversion(instants);
            mail.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(ErrorLength);

            // The claim reads waiting rows in lane order, due first; the purge reads delivered rows, oldest first;
            // completing a row finds it by id and claim. No statement scans the table.
            mail.HasIndex(m => new { m.State, m.Priority, m.NextAttemptAt }).HasDatabaseName("ix_" + table + "_state_priority_next_attempt_at");
            mail.HasIndex(m => new { m.State, m.DeliveredAt }).HasDatabaseName("ix_" + table + "_state_delivered_at");
            mail.HasIndex(m => m.ClaimId).HasDatabaseName("ix_" + table + "_claim_id");
        });
    }
}
