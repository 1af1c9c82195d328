using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Data;

/// <summary>Makes the register context for the configured database, so each provider finds its own migrations.</summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, DatabaseSettings settings) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => settings.IsPostgres ? new PostgresAppDbContext(options) : new AppDbContext(options);
}
