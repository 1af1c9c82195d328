using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Core.Import.ActionLog;
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
    private const int Ok = CommandLine.Ok;
    private const int Refused = CommandLine.Refused;
    public const string UsageText = "Usage: import FILE --dry-run [--json] | import FILE [--series NAME] [--date YYYY-MM-DD] [--time HH:mm] [--update] [--json]";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What the command line asked of <c>import</c>.</summary>
    private sealed record ImportRequest(string File, bool DryRun, bool Json, bool Update, string? Series, DateOnly? Date, TimeOnly? StartTime);

    public static Command Command(IServiceProvider services)
    {
        var file = new Argument<string>("FILE") { Description = "Meeting notes (.txt, .html, .docx) or an action-log spreadsheet." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only read the notes and print the draft; nothing is saved." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON document." };
        var update = new Option<bool>("--update") { Description = "Update a meeting whose notes were imported before." };
        var series = CommandLine.Text("--series", "The meeting series (default: the first).");
        var date = new Option<DateOnly?>("--date")
        {
            Description = "The meeting's date, YYYY-MM-DD, when the notes have it wrong.",
            CustomParser = result => Parsed<DateOnly>(result, "a date like 2017-01-31",
                text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null),
        };
        var time = new Option<TimeOnly?>("--time")
        {
            Description = "The meeting's start time, HH:mm.",
            CustomParser = result => Parsed<TimeOnly>(result, "a time like 10:30",
                text => TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null),
        };
        var command = CommandLine.Verb("import", "Reads meeting notes; with --dry-run prints the draft, otherwise commits them as a held meeting.",
            [file, dryRun, json, update, series, date, time],
            parsed => RunAsync(services, new ImportRequest(parsed.GetValue(file)!, parsed.GetValue(dryRun), parsed.GetValue(json), parsed.GetValue(update),
                parsed.GetValue(series), parsed.GetValue(date), parsed.GetValue(time))));
        command.Validators.Add(result =>
        {
            if (result.GetValue(dryRun) && (result.GetValue(update) || result.GetResult(series) is not null || result.GetResult(date) is not null || result.GetResult(time) is not null))
                result.AddError("--dry-run only reads the notes; --series, --date, --time and --update are for committing.");
        });
        return command;
    }

    private static T? Parsed<T>(ArgumentResult result, string example, Func<string, T?> parse) where T : struct
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (parse(text) is { } value)
            return value;
        var name = ((OptionResult)result.Parent!).Option.Name;
        result.AddError($"{name} {text} is not {example}.");
        return null;
    }

    private static async Task<int> RunAsync(IServiceProvider services, ImportRequest request)
    {
        var file = request.File;
        if (ActionLogReader.IsActionLogFile(file))
            return await ActionLogVerb.RunAsync(services, file, request.DryRun, request.Json, request.Series);
        try
        {
            var draft = await ImportService.ReadFileAsync(file);
            if (request.DryRun)
            {
                Console.Out.Write(ImportDraftJson.Serialize(draft));
                Console.Out.WriteLine();
                await Console.Error.WriteLineAsync(
                    $"Read {Counted.Of(draft.Items.Count, "item")}, {Counted.Of(draft.Actions.Count, "action")} and {Counted.Of(draft.Warnings.Count, "warning")} from {Path.GetFileName(file)}; nothing was saved.");
                return Ok;
            }
            return await CommitAsync(services, draft, request);
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

    private static async Task<int> CommitAsync(IServiceProvider services, ImportDraft draft, ImportRequest request)
    {
        var import = services.GetRequiredService<ImportService>();
        var actor = Actor.System("import");
        int? seriesId = null;
        if (request.Series is { } name)
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
            Date = request.Date,
            StartTime = request.StartTime,
            Update = request.Update,
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

        if (request.Json)
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
}
