using System.Globalization;
using System.Text.Json;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Meetings;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>import FILE --dry-run [--json]</c>: reads a set of meeting notes and prints the draft as one JSON document on
/// stdout (messages go to stderr).
/// <c>import FILE [--series NAME] [--date YYYY-MM-DD] [--time HH:mm] [--update] [--json]</c>: commits the notes as a
/// held meeting of the series (default: the first), as the product itself, and prints what it created. Notes imported
/// before are refused unless <c>--update</c>. Exit 0 done, 1 refused input (nothing written), 2 usage.
/// </summary>
public static class ImportVerb
{
    private const int Ok = 0;
    private const int Refused = 1;
    private const int Usage = 2;
    private const string UsageText = "Usage: import FILE --dry-run [--json] | import FILE [--series NAME] [--date YYYY-MM-DD] [--time HH:mm] [--update] [--json]";

    private static readonly HashSet<string> _flags = ["--dry-run", "--json", "--update"];
    private static readonly HashSet<string> _options = ["--series", "--date", "--time"];

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out var file, out var flags, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error is null ? UsageText : $"{error} {UsageText}");
            return Usage;
        }

        try
        {
            var draft = await ImportService.ReadFileAsync(file);
            if (flags.Contains("--dry-run"))
            {
                Console.Out.Write(ImportDraftJson.Serialize(draft));
                Console.Out.WriteLine();
                await Console.Error.WriteLineAsync(
                    $"Read {draft.Items.Count} item(s), {draft.Actions.Count} action(s) and {draft.Warnings.Count} warning(s) from {Path.GetFileName(file)}; nothing was saved.");
                return Ok;
            }
            return await CommitAsync(services, draft, flags, options);
        }
        catch (DomainException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return Refused;
        }
        catch (UnauthorizedAccessException ex)
        {
            await Console.Error.WriteLineAsync($"The file cannot be read: {ex.Message}");
            return Refused;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"The file cannot be read: {ex.Message}");
            return Refused;
        }
    }

    private static async Task<int> CommitAsync(IServiceProvider services, ImportDraft draft, HashSet<string> flags, Dictionary<string, string> options)
    {
        var import = services.GetRequiredService<ImportService>();
        var actor = Actor.System("import");
        int? seriesId = null;
        if (options.TryGetValue("--series", out var name))
        {
            var series = (await services.GetRequiredService<MeetingService>().ListSeriesAsync())
                .FirstOrDefault(s => string.Equals(s.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (series is null)
            {
                await Console.Error.WriteLineAsync($"There is no meeting series called \"{name}\". Nothing was written.");
                return Refused;
            }
            seriesId = series.Id;
        }
        var corrections = new ImportCorrections
        {
            SeriesId = seriesId,
            Date = options.TryGetValue("--date", out var date) ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            StartTime = options.TryGetValue("--time", out var time) ? TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture) : null,
            Update = flags.Contains("--update"),
        };

        ImportResult result;
        try
        {
            result = await import.CommitAsync(draft, corrections, actor);
        }
        catch (DuplicateImportException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + " (use --update)");
            return Refused;
        }
        catch (ImportRefusedException ex)
        {
            await Console.Error.WriteLineAsync("Nothing was imported:");
            foreach (var problem in ex.Problems)
                await Console.Error.WriteLineAsync($"  - {problem}");
            return Refused;
        }

        if (flags.Contains("--json"))
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                result.MeetingId,
                result.MeetingTitle,
                Date = result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                StartTime = result.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                Series = result.SeriesName,
                result.Updated,
                result.Attendees,
                result.Apologies,
                result.AgendaItems,
                Actions = result.Actions.Select(a => new { a.Reference, a.Text, a.Owners, Outcome = a.Outcome.ToString(), a.Due }),
                result.Notes,
            }, _json));
        }
        else
        {
            Console.Out.WriteLine(result.Summary);
            foreach (var action in result.Actions)
                Console.Out.WriteLine($"  {action.Reference}  {action.Outcome,-15} {string.Join('/', action.Owners),-8} due {action.Due}: {action.Text}");
        }
        foreach (var note in result.Notes.Concat(draft.Warnings))
            await Console.Error.WriteLineAsync(note);
        return Ok;
    }

    private static bool TryParse(string[] args, out string file, out HashSet<string> flags, out Dictionary<string, string> options, out string? error)
    {
        file = "";
        flags = [];
        options = [];
        error = null;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (_flags.Contains(arg))
                flags.Add(arg);
            else if (_options.Contains(arg))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{arg} needs a value.";
                    return false;
                }
                options[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unknown option {arg}.";
                return false;
            }
            else
                files.Add(arg);
        }
        if (files.Count != 1)
            return false;
        file = files[0];
        if (flags.Contains("--dry-run") && (flags.Contains("--update") || options.Count > 0))
        {
            error = "--dry-run only reads the notes; --series, --date, --time and --update are for committing.";
            return false;
        }
        if (options.TryGetValue("--date", out var date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = $"--date {date} is not a date like 2017-01-31.";
            return false;
        }
        if (options.TryGetValue("--time", out var time) && !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = $"--time {time} is not a time like 10:30.";
            return false;
        }
        return true;
    }
}
