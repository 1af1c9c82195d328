using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The synthetic register a benchmark reads, generated once per size and seed and kept in bench/.data (or
/// HTA_BENCH_DATA): seeding 50,000 actions takes minutes, reading them milliseconds. A copy is generated beside the
/// file and renamed into place, so an interrupted run leaves nothing half-made.</summary>
internal static class BenchData
{
    /// <summary>bench/.data, or HTA_BENCH_DATA.</summary>
    public static string Folder()
    {
        var folder = Environment.GetEnvironmentVariable("HTA_BENCH_DATA") is { Length: > 0 } set ? set
            : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".data");
        Directory.CreateDirectory(folder);
        return Path.GetFullPath(folder);
    }

    public static async Task<string> SyntheticAsync(int meetings, int actions, int seed = 1)
    {
        var path = Path.Combine(Folder(), $"synthetic-s{seed}-m{meetings}-a{actions}.db");
        if (File.Exists(path))
        {
            // Kept from an earlier run: brought up to this schema (a new index, say) as the app would bring its own file.
            await using var kept = new ServiceCollection().AddLogging().AddCore(Settings(path)).BuildServiceProvider();
            await using var db = await kept.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await Database.MigrateAsync(db);
            return path;
        }
        var working = path + ".making";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(working + suffix);
        var configuration = Settings(working);
        await using (var services = new ServiceCollection().AddLogging().AddCore(configuration).BuildServiceProvider())
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
                await Database.MigrateAsync(db);
            Console.WriteLine($"Generating {actions:N0} actions over {meetings:N0} meetings (seed {seed}) into {path} — once.");
            var seeded = await services.GetRequiredService<SyntheticData>().SeedAsync(meetings, actions, randomSeed: seed);
            Console.WriteLine(seeded.Message);
            await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(working, path);
        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(working + suffix);
        return path;
    }

    private static IConfiguration Settings(string file) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={file}" })
        .Build();
}
