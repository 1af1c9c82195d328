using System.CommandLine;
using System.Data.Common;
using HoldingToAccount.Core.Backup;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Dashboard.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Dashboard.Cli;

/// <summary>
/// <c>backup PATH [--force]</c> copies the SQLite register while the app runs; <c>restore PATH</c> puts a backup in
/// place of it while the app is stopped and brings it up to date. Core's <see cref="DatabaseBackup"/> does both; on
/// PostgreSQL each says what to run instead (pg_dump, pg_restore) and exits 1.
/// </summary>
public static class BackupVerb
{
    public static Command Backup(IServiceProvider services)
    {
        var path = new Argument<string>("PATH") { Description = "The backup file to write, e.g. /srv/backups/holdingtoaccount-2026-11-30.db. Its folder must exist." };
        var force = new Option<bool>("--force") { Description = "Replaces PATH if it exists." };
        return CommandLine.Verb("backup", "Copies the SQLite database to PATH while the app keeps running (readable by this account only).", [path, force],
            async parsed =>
            {
                var result = await services.GetRequiredService<DatabaseBackup>().BackupAsync(parsed.GetValue(path)!, parsed.GetValue(force));
                Console.WriteLine(result.Message);
                return CommandLine.Ok;
            });
    }

    public static Command Restore(IServiceProvider services)
    {
        var path = new Argument<string>("PATH") { Description = "A backup made by the backup verb or the daily backup." };
        return CommandLine.Verb("restore", "Stop the app first. Checks the backup at PATH, puts it in place of the SQLite database (keeping the current one beside it) and brings it up to date.", [path],
            async parsed =>
            {
                var result = await services.GetRequiredService<DatabaseBackup>().RestoreAsync(parsed.GetValue(path)!, await SchemaAsync(services));
                Console.WriteLine(result.Message);
                var pending = await PendingAsync(services);
                try
                {
                    await DatabaseSetup.MigrateAllAsync(services);
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException)
                {
                    await Console.Error.WriteLineAsync($"The backup is in place but could not be brought up to date: {ex.Message}"
                        + (result.KeptAs is null ? "" : $" The database it replaced is kept as {result.KeptAs}; move it back to undo the restore."));
                    return CommandLine.Refused;
                }
                Console.WriteLine(pending.Count == 0
                    ? "It was already up to date with this version of the app."
                    : $"Brought it up to date with {Counted.Of(pending.Count, "migration")}: {string.Join(", ", pending)}.");
                return CommandLine.Ok;
            });
    }

    /// <summary>Both stores in the one database, as this build knows them.</summary>
    private static async Task<IReadOnlyList<MigrationsHistory>> SchemaAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await using var auth = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        return
        [
            new(HistoryRepository.DefaultTableName, db.Database.GetMigrations().ToList()),
            new(AuthDbContext.MigrationsHistoryTable, auth.Database.GetMigrations().ToList()),
        ];
    }

    private static async Task<List<string>> PendingAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await using var auth = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        return [.. await db.Database.GetPendingMigrationsAsync(), .. await auth.Database.GetPendingMigrationsAsync()];
    }
}
