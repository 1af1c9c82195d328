using System.CommandLine;
using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>reminders preview --as-of 2017-02-18T08:00</c> prints the reminders due at that London time without writing
/// anything; <c>reminders run --as-of …</c> plans them and sends them now. Exit 0 when everything due went (or had
/// gone already), 1 when some were refused or left for a retry, 2 on usage errors.
/// </summary>
public static class RemindersVerb
{
    private const int Ok = CommandLine.Ok;
    private const int Refused = CommandLine.Refused;
    public const string UsageText = "Usage: reminders preview|run --as-of YYYY-MM-DDTHH:mm (London time, or with an offset such as Z)";

    public static Command Command(IServiceProvider services)
    {
        var reminders = new Command("reminders", "What the reminder sweep would send at a time, or send it now.");
        reminders.Subcommands.Add(Mode(services, "preview", "Prints the reminders due at that time without writing or sending anything."));
        reminders.Subcommands.Add(Mode(services, "run", "Plans the reminders due at that time and sends them now."));
        return reminders;
    }

    private static Command Mode(IServiceProvider services, string mode, string description)
    {
        var asOf = new Option<DateTimeOffset?>("--as-of")
        {
            Description = "London time such as 2017-02-18T08:00, or an instant with an offset such as 2017-02-18T08:00Z (default: now).",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 1 && TryParseInstant(result.Tokens[0].Value, out var instant))
                    return instant;
                result.AddError("--as-of takes a date and time such as 2017-02-18T08:00.");
                return null;
            },
        };
        return CommandLine.Verb(mode, description, [asOf], parsed => RunAsync(services, mode, parsed.GetValue(asOf)));
    }

    private static async Task<int> RunAsync(IServiceProvider services, string mode, DateTimeOffset? asked)
    {
        var asOf = asked ?? services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await Database.MigrateAsync(db);

        var planner = services.GetRequiredService<ReminderPlanner>();
        var local = TimeZoneInfo.ConvertTime(asOf, London.Zone);
        var when = London.LongDateTime(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime));
        if (mode == "preview")
        {
            var preview = await planner.PlanAsync(asOf, dryRun: true);
            Console.WriteLine($"{Counted.Of(preview.Due.Count, "reminder")} due at {when} (London); nothing was written or sent.");
            Print(preview);
            return Ok;
        }

        var plan = await planner.PlanAsync(asOf);
        var sender = services.GetRequiredService<ReminderSender>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in plan.DeliveryIds)
        {
            string outcome;
            try
            {
                outcome = (await sender.SendAsync(id)).ToString();
            }
            catch (TransientEmailException ex)
            {
                outcome = "LeftPlanned";
                await Console.Error.WriteLineAsync($"Reminder {id} could not be sent now and stays planned: {ex.Message}");
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        var transport = services.GetRequiredService<IEmailSender>().Transport;
        Print(plan);
        Console.WriteLine($"{Counted.Of(plan.Due.Count, "reminder")} due at {when} (London), {plan.CreatedIds.Count} newly planned; "
            + $"sent {Count(outcomes, SendOutcome.Sent)}, already sent {Count(outcomes, SendOutcome.AlreadySent)}, "
            + $"skipped {Count(outcomes, SendOutcome.Skipped) + Count(outcomes, SendOutcome.SkippedBefore)}, failed {Count(outcomes, SendOutcome.Failed)}, "
            + $"left planned {outcomes.GetValueOrDefault("LeftPlanned") + Count(outcomes, SendOutcome.NotSendable)}; via {transport}.");
        if (Count(outcomes, SendOutcome.FailedBefore) is > 0 and var failedBefore)
            Console.WriteLine($"{failedBefore} refused for good by an earlier run: resend from the Outbox once the address is right.");
        // A reminder refused in an earlier run was reported then; every later run failing for it would hide new trouble.
        return outcomes.Keys.Any(k => k is "LeftPlanned" or nameof(SendOutcome.Failed) or nameof(SendOutcome.NotSendable)) ? Refused : Ok;
    }

    private static int Count(Dictionary<string, int> outcomes, SendOutcome outcome) => outcomes.GetValueOrDefault(outcome.ToString());

    private static void Print(ReminderPlan plan)
    {
        foreach (var r in plan.Due)
        {
            var roles = r.Roles.Count == 0 ? "secretariat" : string.Join('/', r.Roles) + (r.VacantRoles.Count > 0 ? " (vacant)" : "");
            Console.WriteLine($"  {r.PlannedFor:yyyy-MM-dd}  {r.Kind,-15} {r.RecipientName} <{r.Recipient}>  {roles}  {r.About}");
        }
        foreach (var problem in plan.Unroutable)
            Console.WriteLine($"  not routable: {problem}");
    }

    /// <summary>"2017-02-18T08:00" is London time; "2017-02-18T08:00Z" or "+01:00" is that instant.</summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var londonTime))
        {
            instant = London.ToInstant(DateOnly.FromDateTime(londonTime), TimeOnly.FromDateTime(londonTime));
            return true;
        }
        return text.Length > 10 && (text.EndsWith('Z') || text[10..].Contains('+') || text[10..].LastIndexOf('-') > 0)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
