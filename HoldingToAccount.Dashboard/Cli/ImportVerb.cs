using HoldingToAccount.Core;
using HoldingToAccount.Core.Import;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>import FILE --dry-run [--json]</c>: reads a set of meeting notes and prints the draft as one JSON document on
/// stdout (messages go to stderr). Exit 0 read, 1 refused input, 2 usage. Committing is not available yet.
/// </summary>
public static class ImportVerb
{
    private const int Ok = 0;
    private const int Refused = 1;
    private const int Usage = 2;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var file = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--dry-run" or "--json")).ToList();
        if (file.Count != 1 || unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync(unknown.Count > 0
                ? $"Unknown option {unknown[0]}. Usage: import FILE --dry-run [--json]"
                : "Usage: import FILE --dry-run [--json]");
            return Usage;
        }
        if (!args.Contains("--dry-run"))
        {
            await Console.Error.WriteLineAsync("Committing imports is not available yet; use --dry-run.");
            return Refused;
        }

        try
        {
            var notes = await NotesReader.ReadFileAsync(file[0]);
            var draft = NotesParser.Parse(notes);
            Console.Out.Write(ImportDraftJson.Serialize(draft));
            Console.Out.WriteLine();
            await Console.Error.WriteLineAsync(
                $"Read {draft.Items.Count} item(s), {draft.Actions.Count} action(s) and {draft.Warnings.Count} warning(s) from {Path.GetFileName(file[0])}; nothing was saved.");
            return Ok;
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
}
