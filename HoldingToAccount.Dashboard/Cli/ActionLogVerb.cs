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
/// <c>import LOG.xlsx|LOG.csv --dry-run [--json]</c> prints the action log's draft (kind "action-log");
/// <c>import LOG.xlsx [--series NAME] [--json]</c> commits it into the series (default: the first) in one transaction.
/// </summary>
internal static class ActionLogVerb
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, string file, bool dryRun, bool json, string? seriesName)
    {
        var import = services.GetRequiredService<ActionLogImportService>();
        try
        {
            var draft = import.Parse(await ActionLogReader.ReadFileAsync(file));
            if (dryRun)
            {
                if (json)
                    Console.Out.WriteLine(ActionLogDraftJson.Serialize(draft));
                else
                    foreach (var action in draft.Actions)
                        Console.Out.WriteLine($"  row {action.Row,5}  {action.Reference ?? "(new)",-10} {string.Join('/', action.Owners),-10} {action.Status?.ToString() ?? "-",-16} {action.Text}");
                await Console.Error.WriteLineAsync(
                    $"Read {Counted.Of(draft.Actions.Count, "action")} and {Counted.Of(draft.Warnings.Count, "warning")} from {Path.GetFileName(file)}; nothing was saved.");
                return CommandLine.Ok;
            }
            int? seriesId = null;
            if (seriesName is not null)
            {
                var series = (await services.GetRequiredService<MeetingService>().ListSeriesAsync())
                    .FirstOrDefault(s => string.Equals(s.Name.Trim(), seriesName.Trim(), StringComparison.OrdinalIgnoreCase));
                if (series is null)
                {
                    await Console.Error.WriteLineAsync($"There is no meeting series called \"{seriesName}\". Nothing was written.");
                    return CommandLine.Refused;
                }
                seriesId = series.Id;
            }
            var result = await import.CommitAsync(draft, new ActionLogCorrections(seriesId), Actor.System("import"));
            Console.Out.WriteLine(json ? JsonSerializer.Serialize(result, _json) : result.Summary);
            return CommandLine.Ok;
        }
        catch (ImportRefusedException ex)
        {
            await Console.Error.WriteLineAsync("Nothing was imported:");
            foreach (var problem in ex.Problems)
                await Console.Error.WriteLineAsync($"  - {problem}");
            return CommandLine.Refused;
        }
        catch (DomainException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return CommandLine.Refused;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"The file cannot be read: {ex.Message}");
            return CommandLine.Refused;
        }
    }
}
