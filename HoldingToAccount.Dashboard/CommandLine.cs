using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.CompilerServices;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Dashboard;

/// <summary>
/// The executable's verbs, parsed by System.CommandLine; <c>VERB --help</c> describes each. A verb prints one result and
/// exits 0, or prints why not and exits 1 when the register refused it and 2 when the command line was wrong.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    private const string CommandLineActor = "command line";

    private static readonly ConditionalWeakTable<Option, object> _requiredMarks = [];

    /// <summary>A first argument that is not an option names a verb; anything else (such as <c>--urls</c>) is the web app's.</summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || (args.Length == 1 && args[0] is "--help" or "-h" or "-?"));

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Root(services);
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
            return Usage;
        }

        // No response files: an argument such as a name may start with '@'.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
                await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync(UsageOf(parsed.CommandResult.Command));
            return Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = Console.Out,
                Error = Console.Error,
            });
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

    private static RootCommand Root(IServiceProvider services)
    {
        var root = new RootCommand("Holding to account action register. With no command it runs the web app (ASP.NET arguments such as --urls pass through).");
        root.Subcommands.Add(Verb("migrate", "Applies any pending database migrations.", [], _ => MigrateAsync(services)));
        root.Subcommands.Add(Verb("seed-demo", "Loads the demo register into an empty database.", [], _ => SeedDemoAsync(services)));

        var meetings = Required(WholeNumber("--meetings", "How many meetings to generate."));
        var actions = Required(WholeNumber("--actions", "How many actions to generate."));
        root.Subcommands.Add(Verb("seed-synthetic", "Adds a large, realistic generated history.", [meetings, actions],
            parsed => SeedSyntheticAsync(services, parsed.GetValue(meetings), parsed.GetValue(actions))));

        root.Subcommands.Add(CreateUser(services));

        // One option object per verb: each lambda must read its own verb's --email, not the last one made.
        var disableEmail = Required(Text("--email", "The account's e-mail address."));
        root.Subcommands.Add(Verb("disable-user", "Stops an account: sign-in and API tokens are refused at once.", [disableEmail],
            parsed => DisableUserAsync(services, parsed.GetValue(disableEmail)!)));

        var tokenEmail = Required(Text("--email", "The account's e-mail address."));
        var tokenName = Text("--name", "What the token is for (default: command line).");
        root.Subcommands.Add(Verb("create-token", "Prints a personal API token for Authorization: Bearer.", [tokenEmail, tokenName],
            parsed => CreateTokenAsync(services, parsed.GetValue(tokenEmail)!, parsed.GetValue(tokenName))));

        var screen = Required(Text("--name", "The screen's name, e.g. Conference room."));
        root.Subcommands.Add(Verb("create-display-token", "Prints the /board/{token} path for a conference-room screen.", [screen],
            parsed => CreateDisplayTokenAsync(services, parsed.GetValue(screen)!)));

        var calendarEmail = Required(Text("--email", "The account's e-mail address."));
        root.Subcommands.Add(Verb("create-calendar-token",
            "Makes a calendar address for the account and prints its personal feed and one feed per series, one per line.", [calendarEmail],
            parsed => CreateCalendarTokenAsync(services, parsed.GetValue(calendarEmail)!)));

        root.Subcommands.Add(Verb("verify-audit", "Checks the audit trail's hash chain; exits 1 if it was altered.", [], _ => VerifyAuditAsync(services)));
        root.Subcommands.Add(Cli.ImportVerb.Command(services));
        root.Subcommands.Add(Cli.RemindersVerb.Command(services));
        root.Subcommands.Add(Cli.ReadRepliesVerb.Command(services));
        root.Subcommands.Add(Cli.BackupVerb.Backup(services));
        root.Subcommands.Add(Cli.BackupVerb.Restore(services));
        root.Subcommands.Add(Cli.ArchiveVerb.Command(services));
        return root;
    }

    private static Command CreateUser(IServiceProvider services)
    {
        var email = Required(Text("--email", "The account's e-mail address."));
        var name = Required(Text("--name", "The person's name as shown."));
        var role = Required(Text("--role", "Secretariat, Chair, Officer or Viewer."));
        var person = Text("--person", "Links the account to a person (id, e-mail or name) so \"my actions\" works.");
        var actsFor = Text("--acts-for", "Roles a staff officer acts for, e.g. CC,DCC.");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Reads the password from standard input instead of generating one." };
        return Verb("create-user", "Creates a user; without --password-stdin a password is generated and printed once.",
            [email, name, role, person, actsFor, passwordStdin],
            parsed => CreateUserAsync(services,
                new Auth.NewUser(parsed.GetValue(email)!, parsed.GetValue(name)!, parsed.GetValue(role)!, parsed.GetValue(person), parsed.GetValue(actsFor)),
                parsed.GetValue(passwordStdin)));
    }

    /// <summary>A verb with its options and what it does.</summary>
    internal static Command Verb(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, Task<int>> run)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Option option)
            {
                command.Options.Add(option);
                if (_requiredMarks.TryGetValue(option, out _))
                    command.Validators.Add(result =>
                    {
                        if (result.GetResult(option) is null)
                            result.AddError($"{option.Name} is required.");
                    });
            }
            else if (symbol is Argument argument)
                command.Arguments.Add(argument);
        }
        command.SetAction((parsed, _) => run(parsed));
        return command;
    }

    internal static Option<string> Text(string name, string description) => new(name) { Description = description };

    internal static Option<int> WholeNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n;
            result.AddError($"{name} takes a whole number.");
            return 0;
        },
    };

    /// <summary>Marks an option required, with the product's own message ("--email is required.").</summary>
    internal static T Required<T>(T option) where T : Option
    {
        option.Description += " Required.";
        _requiredMarks.AddOrUpdate(option, option);
        return option;
    }

    /// <summary>What to print under a usage error: the verb's own usage line, or where to find it.</summary>
    private static string UsageOf(Command command) => Path(command) switch
    {
        "" => "Run with --help for the commands.",
        "import" => Cli.ImportVerb.UsageText,
        var path when path.StartsWith("reminders", StringComparison.Ordinal) => Cli.RemindersVerb.UsageText,
        var path => $"Run '{path} --help' for its options.",
    };

    private static string Path(Command command) =>
        command is RootCommand ? ""
        : command.Parents.OfType<Command>().FirstOrDefault(p => p is not RootCommand) is { } parent ? $"{Path(parent)} {command.Name}"
        : command.Name;

    private static async Task<int> MigrateAsync(IServiceProvider services)
    {
        var pending = new List<string>();
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            pending.AddRange(await db.Database.GetPendingMigrationsAsync());
        await using (var auth = await services.GetRequiredService<IDbContextFactory<Auth.AuthDbContext>>().CreateDbContextAsync())
            pending.AddRange(await auth.Database.GetPendingMigrationsAsync());
        await DatabaseSetup.MigrateAllAsync(services);
        Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {Counted.Of(pending.Count, "migration")}: {string.Join(", ", pending)}.");
        return Ok;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services)
    {
        await MigrateQuietlyAsync(services);
        var result = await DatabaseSetup.SeedDemoAsync(services);
        Console.WriteLine(result.Message);
        return Ok;
    }

    private static async Task<int> SeedSyntheticAsync(IServiceProvider services, int meetings, int actions)
    {
        await MigrateQuietlyAsync(services);
        var result = await services.GetRequiredService<SyntheticData>().SeedAsync(meetings, actions);
        Console.WriteLine(result.Message);
        return Ok;
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, Auth.NewUser input, bool passwordFromStdin)
    {
        var password = passwordFromStdin ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        if (passwordFromStdin && string.IsNullOrEmpty(password))
            throw new ArgumentException("--password-stdin was given but no password arrived on standard input.");
        await MigrateQuietlyAsync(services);
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<Auth.AccountService>().CreateUserAsync(input, password, CommandLineActor);
        Console.WriteLine(created.GeneratedPassword is null
            ? $"Created {created.Role} user {created.Email}."
            : $"Created {created.Role} user {created.Email} with password {created.GeneratedPassword} (shown this once).");
        return Ok;
    }

    private static async Task<int> DisableUserAsync(IServiceProvider services, string email)
    {
        await MigrateQuietlyAsync(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Auth.AccountService>().DisableAsync(email, CommandLineActor);
        Console.WriteLine($"Disabled {email}: no more sign-ins or API calls; open sessions end within a minute.");
        return Ok;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string email, string? name)
    {
        var user = await UserAsync(services, email);
        var token = await services.GetRequiredService<Auth.TokenService>().CreateApiTokenAsync(user.Id, name ?? "command line", CommandLineActor);
        Console.WriteLine(token.Token);
        return Ok;
    }

    private static async Task<int> CreateDisplayTokenAsync(IServiceProvider services, string name)
    {
        await MigrateQuietlyAsync(services);
        var token = await services.GetRequiredService<Auth.TokenService>().CreateDisplayTokenAsync(name, CommandLineActor);
        Console.WriteLine($"/board/{token.Token}");
        return Ok;
    }

    /// <summary>The addresses the Calendar feeds page shows, made with the same token service, absolute from App:PublicBaseUrl.</summary>
    private static async Task<int> CreateCalendarTokenAsync(IServiceProvider services, string email)
    {
        var user = await UserAsync(services, email);
        if (user.Disabled)
            throw new DomainException($"{email} is disabled, so its calendar feeds would not open.");
        var token = (await services.GetRequiredService<Auth.TokenService>().CreateCalendarTokenAsync(user.Id, CommandLineActor)).Token;
        var links = services.GetRequiredService<IOptions<PublicLinkOptions>>().Value;
        if (user.PersonId is null)
            await Console.Error.WriteLineAsync($"{email} is not linked to a person, so there is no personal feed (link one with --person when creating the account); the series feeds follow.");
        else
            Console.WriteLine(links.Link(CalendarFeedPaths.Person(token)));
        foreach (var series in await services.GetRequiredService<MeetingService>().ListSeriesAsync())
            Console.WriteLine(links.Link(CalendarFeedPaths.Series(series.Id, token)));
        return Ok;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var result = await Core.Audit.AuditChain.VerifyAsync(db);
        Console.WriteLine(result.Message);
        return result.Intact ? Ok : Refused;
    }

    private static async Task<Auth.ApplicationUser> UserAsync(IServiceProvider services, string email)
    {
        await MigrateQuietlyAsync(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Auth.AccountService>().FindAsync(email)
            ?? throw new DomainException($"There is no user {email}.");
    }

    private static Task MigrateQuietlyAsync(IServiceProvider services) => DatabaseSetup.MigrateAllAsync(services);
}
