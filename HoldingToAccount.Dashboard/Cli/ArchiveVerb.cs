using System.CommandLine;
using HoldingToAccount.Core.Archive;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>archive export PATH [--force]</c> writes the handover archive; <c>archive import PATH [--map-role A=B ...]</c>
/// loads one into an empty register. Core's <see cref="HandoverArchive"/> does both.
/// </summary>
public static class ArchiveVerb
{
    private const string ImportActor = "command line (archive import)";

    public static Command Command(IServiceProvider services)
    {
        var archive = new Command("archive", "The handover archive: the whole register, its history and its audit trail in one file, for the body that takes it over.");
        archive.Subcommands.Add(Export(services));
        archive.Subcommands.Add(Import(services));
        return archive;
    }

    private static Command Export(IServiceProvider services)
    {
        var path = new Argument<string>("PATH") { Description = "The archive to write, e.g. /srv/handover/holdingtoaccount-archive.zip. Its folder must exist." };
        var force = new Option<bool>("--force") { Description = "Replaces PATH if it exists." };
        return CommandLine.Verb("export", "Writes the register, its history, its audit trail and the notes of every held meeting to one zip file (readable by this account only).", [path, force],
            async parsed =>
            {
                var result = await services.GetRequiredService<HandoverArchive>().ExportAsync(parsed.GetValue(path)!, parsed.GetValue(force));
                Console.WriteLine(result.Message);
                return CommandLine.Ok;
            });
    }

    private static Command Import(IServiceProvider services)
    {
        var path = new Argument<string>("PATH") { Description = "An archive written by archive export." };
        var mapRole = new Option<string[]>("--map-role")
        {
            Description = "Renames a role code on the way in, e.g. --map-role PCC=MAYOR, or PCC=MAYOR:Mayor to retitle it too (repeat for more roles). The audit trail keeps the old codes.",
            AllowMultipleArgumentsPerToken = false,
        };
        return CommandLine.Verb("import", "Loads an archive into this instance's empty register after checking its checksums, row counts and audit chain; all or nothing.", [path, mapRole],
            async parsed =>
            {
                var roles = ArchiveRoleMap.Parse(parsed.GetValue(mapRole) ?? []);
                await DatabaseSetup.MigrateAllAsync(services);
                var result = await services.GetRequiredService<HandoverArchive>().ImportAsync(parsed.GetValue(path)!, roles, ImportActor);
                Console.WriteLine(result.Message);
                return CommandLine.Ok;
            });
    }
}
