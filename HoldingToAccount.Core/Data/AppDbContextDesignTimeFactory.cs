using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HoldingToAccount.Core.Data;

/// <summary>
/// For <c>dotnet ef migrations add … --context HoldingToAccount.Core.Data.AppDbContext</c>: the SQLite migrations.
/// Without it the tools would make the context with <see cref="PostgresAppDbContextDesignTimeFactory"/> (its context
/// derives from this one) and write PostgreSQL migrations among SQLite's. Nothing connects at design time.
/// </summary>
public sealed class AppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
