using Microsoft.EntityFrameworkCore;

namespace TrendAccount.Sdk.EntityFrameworkCore;

/// <summary>
/// A ready context holding only the TrendAccount.Sdk tables, for hosts that have no <see cref="DbContext"/> of their
/// own: <c>builder.UseEntityFrameworkStores(options =&gt; options.UseSqlite("Data Source=accounts.db"))</c>.
/// Hosts with a context add the tables to it instead (<see cref="TrendAccountModelBuilderExtensions.ApplyTrendAccountModel"/>).
/// </summary>
/// <remarks>Like every <see cref="DbContext"/>, an instance is not thread-safe; the stores create one per operation.</remarks>
public sealed class TrendAccountDbContext : DbContext
{
    /// <summary>Initializes a new instance of the <see cref="TrendAccountDbContext"/> class.</summary>
    /// <param name="options">The options: provider and connection.</param>
    public TrendAccountDbContext(DbContextOptions<TrendAccountDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyTrendAccountModel(Database);
}
