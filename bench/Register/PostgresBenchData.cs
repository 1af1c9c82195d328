using System.Diagnostics;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

/// <summary>The synthetic register on PostgreSQL, generated once per size and seed into a database named after them and
/// kept in the cluster. It is generated as "…_making" and renamed when done, so a half-made register is never read.</summary>
internal static class PostgresBenchData
{
    public static async Task<string> SyntheticAsync(PostgresCluster cluster, int meetings, int actions, int seed = 1)
    {
        var name = $"hta_bench_s{seed}_m{meetings}_a{actions}";
        if (await cluster.DatabaseExistsAsync(name))
        {
            // Kept from an earlier run: brought up to this schema as the app would bring its own database.
            await using var kept = Services(cluster.ConnectionStringFor(name));
            await using var db = await kept.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await Database.MigrateAsync(db);
            return cluster.ConnectionStringFor(name);
        }
        var making = name + "_making";
        await cluster.RecreateAsync(making);
        await GenerateAsync(cluster.ConnectionStringFor(making), meetings, actions, seed);
        await cluster.RenameAsync(making, name);
        return cluster.ConnectionStringFor(name);
    }

    public static IConfiguration Settings(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Default"] = connectionString,
        })
        .Build();

    private static async Task GenerateAsync(string connectionString, int meetings, int actions, int seed)
    {
        await using (var services = Services(connectionString))
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
                await Database.MigrateAsync(db);
            Console.WriteLine($"Generating {actions:N0} actions over {meetings:N0} meetings (seed {seed}) into PostgreSQL — once.");
            var watch = Stopwatch.StartNew();
            var seeded = await services.GetRequiredService<SyntheticData>().SeedAsync(meetings, actions, randomSeed: seed);
            Console.WriteLine($"{seeded.Message} Seeding took {watch.Elapsed:h\\:mm\\:ss}.");
        }
        // The planner's statistics and the visibility map, as autovacuum would have them on a register that grew over years.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await analyse.ExecuteNonQueryAsync();
    }

    /// <summary>The app's services on <paramref name="connectionString"/>, without the relay that passes change notices
    /// to other app instances: there are none, and a seeding's million notices would still be going out as the
    /// benchmark times the register.</summary>
    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection().AddLogging().AddCore(Settings(connectionString));
        services.RemoveAll<IChangeRelay>();
        return services.BuildServiceProvider();
    }
}
