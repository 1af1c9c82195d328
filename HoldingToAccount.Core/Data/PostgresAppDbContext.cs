using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HoldingToAccount.Core.Data;

/// <summary>
/// The register on PostgreSQL: the same model as <see cref="AppDbContext"/>, told apart only so that it has its own
/// migrations (column types differ between the two databases).
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions options) : AppDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context PostgresAppDbContext</c>; nothing connects at design time.</summary>
public sealed class PostgresAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost").Options);
}
