using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A host's own context: a table of its own, plus the TrendAccount tables through ApplyTrendAccountModel. On PostgreSQL
/// the tables go to a schema of their own, to prove the schema parameter works.
/// </summary>
public sealed class TestDbContext : DbContext
{
    public const string PostgresSchema = "accounts";

    public TestDbContext(DbContextOptions<TestDbContext> options)
        : base(options)
    {
    }

    public DbSet<HostNote> Notes => Set<HostNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var schema = Database.IsNpgsql() ? PostgresSchema : null;
        modelBuilder.Entity<HostNote>().ToTable("host_notes", schema);
        modelBuilder.ApplyTrendAccountModel(Database, schema);
    }
}

/// <summary>An entity of the host's own.</summary>
public sealed class HostNote
{
    public int Id { get; set; }

    public string Text { get; set; } = string.Empty;
}
