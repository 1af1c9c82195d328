using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard;

/// <summary>Schema and demo data for both stores in the one database: the register (Core) and accounts (Dashboard).</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
            await Database.MigrateAsync(db, ct);
        await using (var auth = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct))
            await auth.Database.MigrateAsync(ct);
    }

    /// <summary>Loads the demo register and one demo user per app role; the generated passwords are in the message, shown once.</summary>
    public static async Task<SeedResult> SeedDemoAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var register = await services.GetRequiredService<DemoData>().SeedAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var users = await DemoAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<AccountService>());
        if (users.Count == 0)
            return register;
        var message = $"{register.Message}{Environment.NewLine}Demo users (passwords are shown this once; keep them or create new users with create-user):{Environment.NewLine}{DemoAccounts.Describe(users)}";
        return new SeedResult(true, message);
    }
}
