using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HoldingToAccount.Core.Backup;

/// <summary>One store's migrations as this build knows them: the history table a backup must have, and its migration ids.</summary>
public sealed record MigrationsHistory(string Table, IReadOnlyCollection<string> Known);

/// <summary>What a restore put in place, and where the database it replaced was kept.</summary>
public sealed record RestoreResult(string Source, string Database, string? KeptAs)
{
    public string Message => KeptAs is null
        ? $"Restored {Source} as {Database}."
        : $"Restored {Source} as {Database}. The database it replaced is kept as {KeptAs}.";
}

public sealed partial class DatabaseBackup
{
    private static readonly byte[] _sqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// Puts a backup in place of the live database, for an app that is stopped. The backup is copied beside the live
    /// database and checked there (a SQLite file, intact, with this product's migrations, none newer than
    /// <paramref name="schema"/>); the live database is refused while anything has it open. The database replaced is
    /// kept as <c>NAME.before-restore-TIMESTAMP</c>. Any refusal leaves every file as it was. The caller then applies
    /// pending migrations, which brings an older backup up to date.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(string source, IReadOnlyList<MigrationsHistory> schema, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(schema);
        if (database.IsPostgres)
            throw new DomainException("The register is on PostgreSQL, which is restored with pg_restore from a pg_dump file, not with this command (see the README's \"Backup and restore\").");
        var from = Path.GetFullPath(source);
        var live = LivePath();
        CheckReadableSqliteFile(from);
        if (SamePath(from, live))
            throw new DomainException($"{from} is the live database itself: give the path of a backup.");

        var folder = Path.GetDirectoryName(live)!;
        Directory.CreateDirectory(folder);
        var staged = Path.Combine(folder, $".{Path.GetFileName(live)}.restore-{Guid.NewGuid():N}.partial");
        try
        {
            await StageAsync(from, staged, ct);
            await CheckStagedAsync(from, staged, schema, ct);

            SqliteConnection.ClearAllPools();
            using var locks = SqliteLocks.TryTakeExclusive(live)
                ?? throw new DomainException($"The database {live} is in use: stop the app (and any command running against it), then restore again. Nothing was changed.");
            var kept = File.Exists(live) ? KeepCurrent(live) : null;
            try
            {
                File.Move(staged, live);
            }
            catch (IOException) when (kept is not null)
            {
                File.Move(kept, live);
                if (File.Exists(kept + "-wal"))
                    File.Move(kept + "-wal", live + "-wal");
                throw;
            }
            return new RestoreResult(from, live, kept);
        }
        catch (IOException ex)
        {
            throw new DomainException($"The restore from {from} failed and the database was left as it was: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DomainException($"The restore from {from} failed and the database was left as it was: {ex.Message}");
        }
        finally
        {
            PrivateFile.DeleteWithJournals(staged);
        }
    }

    private static void CheckReadableSqliteFile(string path)
    {
        if (Directory.Exists(path))
            throw new DomainException($"{path} is a folder: give the path of a backup file.");
        if (!File.Exists(path))
            throw new DomainException($"There is no file {path}.");
        var header = new byte[_sqliteHeader.Length];
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (UnauthorizedAccessException)
        {
            throw new DomainException($"{path} cannot be read by this account: check its permissions.");
        }
        if (read < header.Length || !header.AsSpan().SequenceEqual(_sqliteHeader))
            throw new DomainException($"{path} is not a SQLite database, so it is not a backup of this register. Nothing was changed.");
    }

    /// <summary>A private copy beside the live database, with the backup's write-ahead log if a raw copy left one.</summary>
    private static async Task StageAsync(string from, string staged, CancellationToken ct)
    {
        await PrivateFile.CopyAsync(from, staged, ct);
        if (File.Exists(from + "-wal"))
            await PrivateFile.CopyAsync(from + "-wal", staged + "-wal", ct);
    }

    private static async Task CheckStagedAsync(string from, string staged, IReadOnlyList<MigrationsHistory> schema, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(PrivateConnection(staged));
            await connection.OpenAsync(ct);
            var integrity = await ScalarAsync(connection, "PRAGMA integrity_check(1);", ct);
            if (integrity != "ok")
                throw new DomainException($"{from} is damaged (SQLite's integrity check says: {integrity}). Nothing was changed; restore an earlier backup.");
            if (await ScalarAsync(connection, "PRAGMA foreign_key_check;", ct) is { Length: > 0 } table)
                throw new DomainException($"{from} is damaged: rows in {table} point at rows that are missing. Nothing was changed; restore an earlier backup.");
            foreach (var history in schema)
                await CheckMigrationsAsync(connection, from, history, ct);
            await ExecuteAsync(connection, "PRAGMA journal_mode=DELETE;", ct);
        }
        catch (SqliteException ex)
        {
            throw new DomainException($"{from} is not a readable SQLite database ({ex.Message}). Nothing was changed.");
        }
    }

    private static async Task CheckMigrationsAsync(SqliteConnection connection, string from, MigrationsHistory history, CancellationToken ct)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        exists.Parameters.AddWithValue("$name", history.Table);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            throw new DomainException($"{from} is not a backup of this register: it has no {history.Table} table. Nothing was changed.");

        var applied = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT \"MigrationId\" FROM \"{history.Table}\" ORDER BY \"MigrationId\";";
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                applied.Add(rows.GetString(0));
        }
        var unknown = applied.Where(id => !history.Known.Contains(id)).ToList();
        if (applied.Count == 0 || unknown.Count == applied.Count)
            throw new DomainException($"{from} is not a backup of this register: its {history.Table} table lists none of this app's migrations. Nothing was changed.");
        if (unknown.Count > 0)
            throw new DomainException($"{from} was made by a newer version of the app (migration {unknown[^1]} is unknown to this one): restore it with that version or a later one. Nothing was changed.");
    }

    /// <summary>Moves the live database (and any write-ahead log a crash left) aside under a dated name.</summary>
    private string KeepCurrent(string live)
    {
        var kept = $"{live}.before-restore-{London.Now(clock).ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture)}";
        File.Move(live, kept);
        if (File.Exists(live + "-wal"))
            File.Move(live + "-wal", kept + "-wal");
        File.Delete(live + "-shm");
        return kept;
    }
}
