using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HoldingToAccount.Dashboard.Auth;

/// <summary>Accounts on PostgreSQL: the same model as <see cref="AuthDbContext"/>, with its own migrations.</summary>
public sealed class PostgresAuthDbContext(DbContextOptions options, IHttpContextAccessor? http = null) : AuthDbContext(options, http);

/// <summary>Makes the accounts context for the configured database, so each provider finds its own migrations.</summary>
public sealed class AuthDbContextFactory(DbContextOptions<AuthDbContext> options, DatabaseSettings settings, IHttpContextAccessor http)
    : IDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext() => settings.IsPostgres ? new PostgresAuthDbContext(options, http) : new AuthDbContext(options, http);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresAuthDbContext</c>; nothing connects at design time.</summary>
public sealed class PostgresAuthDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuthDbContext>
{
    public PostgresAuthDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AuthDbContext>()
        .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable(AuthDbContext.MigrationsHistoryTable)).Options);
}
