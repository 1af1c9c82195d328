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
        ["create-user"] = CreateUserAsync,
        ["create-token"] = CreateTokenAsync,
        ["disable-user"] = DisableUserAsync,
        ["create-display-token"] = CreateDisplayTokenAsync,
        ["verify-audit"] = VerifyAuditAsync,
        ["reminders"] = (services, args) => Cli.RemindersVerb.RunAsync(services, args.All),
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
        var pending = new List<string>();
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            pending.AddRange(await db.Database.GetPendingMigrationsAsync());
        await using (var auth = await services.GetRequiredService<IDbContextFactory<Auth.AuthDbContext>>().CreateDbContextAsync())
            pending.AddRange(await auth.Database.GetPendingMigrationsAsync());
        await DatabaseSetup.MigrateAllAsync(services);
        Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, Arguments _)
    {
        await MigrateQuietlyAsync(services);
        var result = await DatabaseSetup.SeedDemoAsync(services);
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

    private const string CommandLineActor = "command line";

    private static async Task<int> CreateUserAsync(IServiceProvider services, Arguments args)
    {
        var input = new Auth.NewUser(args.Required("--email"), args.Required("--name"), args.Required("--role"), args.Value("--person"), args.Value("--acts-for"));
        var password = args.Has("--password-stdin") ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        if (args.Has("--password-stdin") && string.IsNullOrEmpty(password))
            throw new ArgumentException("--password-stdin was given but no password arrived on standard input.");
        await MigrateQuietlyAsync(services);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<Auth.AccountService>().CreateUserAsync(input, password, CommandLineActor);
        Console.WriteLine(created.GeneratedPassword is null
            ? $"Created {created.Role} user {created.Email}."
            : $"Created {created.Role} user {created.Email} with password {created.GeneratedPassword} (shown this once).");
        return 0;
    }

    private static async Task<int> DisableUserAsync(IServiceProvider services, Arguments args)
    {
        var email = args.Required("--email");
        await MigrateQuietlyAsync(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Auth.AccountService>().DisableAsync(email, CommandLineActor);
        Console.WriteLine($"Disabled {email}: no more sign-ins or API calls; open sessions end within a minute.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, Arguments args)
    {
        var email = args.Required("--email");
        await MigrateQuietlyAsync(services);
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Auth.AccountService>().FindAsync(email)
            ?? throw new DomainException($"There is no user {email}.");
        var token = await services.GetRequiredService<Auth.TokenService>().CreateApiTokenAsync(user.Id, args.Value("--name") ?? "command line", CommandLineActor);
        Console.WriteLine(token.Token);
        return 0;
    }

    private static async Task<int> CreateDisplayTokenAsync(IServiceProvider services, Arguments args)
    {
        var name = args.Required("--name");
        await MigrateQuietlyAsync(services);
        var token = await services.GetRequiredService<Auth.TokenService>().CreateDisplayTokenAsync(name, CommandLineActor);
        Console.WriteLine($"/board/{token.Token}");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, Arguments _)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var result = await Core.Audit.AuditChain.VerifyAsync(db);
        Console.WriteLine(result.Message);
        return result.Intact ? 0 : Refused;
    }

    private static Task MigrateQuietlyAsync(IServiceProvider services) => DatabaseSetup.MigrateAllAsync(services);

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

        public bool Has(string name) => Array.IndexOf(args, name) >= 0;

        public string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required.");

        public int RequiredInt(string name) =>
            int.TryParse(Value(name) ?? throw new ArgumentException($"{name} is required."), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new ArgumentException($"{name} takes a whole number.");
    }
}
