using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard;

/// <summary>The executable's verbs. Each prints one result and exits 0, or prints why not and exits non-zero.</summary>
public static class CommandLine
{
    private const int Refused = 1;
    private const int Usage = 2;

    private static readonly Dictionary<string, Func<IServiceProvider, Arguments, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateAsync,
        ["seed-demo"] = SeedDemoAsync,
        ["seed-synthetic"] = SeedSyntheticAsync,
        ["import"] = (services, args) => Cli.ImportVerb.RunAsync(services, args.All),
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", Verbs.Keys)}.");
            return Usage;
        }
        try
        {
            return await verb(services, new Arguments(args[1..]));
        }
        catch (DomainException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return Refused;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return Usage;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, Arguments _)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await Database.MigrateAsync(db);
        Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, Arguments _)
    {
        await MigrateQuietlyAsync(services);
        var result = await services.GetRequiredService<DemoData>().SeedAsync();
        Console.WriteLine(result.Message);
        return 0;
    }

    private static async Task<int> SeedSyntheticAsync(IServiceProvider services, Arguments args)
    {
        var meetings = args.RequiredInt("--meetings");
        var actions = args.RequiredInt("--actions");
        await MigrateQuietlyAsync(services);
        var result = await services.GetRequiredService<SyntheticData>().SeedAsync(meetings, actions);
        Console.WriteLine(result.Message);
        return 0;
    }

    private static async Task MigrateQuietlyAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await Database.MigrateAsync(db);
    }

    private sealed class Arguments(string[] args)
    {
        public string[] All => args;

        public string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            if (at < 0)
                return null;
            if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"{name} needs a value.");
            return args[at + 1];
        }

        public int RequiredInt(string name) =>
            int.TryParse(Value(name) ?? throw new ArgumentException($"{name} is required."), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"{name} takes a whole number.");
    }
}
