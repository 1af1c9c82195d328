using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HoldingToAccount.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HoldingToAccount.Core.Backup;

/// <summary>What a backup wrote.</summary>
public sealed record BackupResult(string Path, long Bytes, TimeSpan Took)
{
    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Backed up the register to {Path} ({Bytes / 1024.0 / 1024.0:0.0} MB in {Took.TotalSeconds:0.0} s).");
}

/// <summary>What the daily backup wrote and which older copies it deleted.</summary>
public sealed record ScheduledBackupResult(BackupResult Backup, IReadOnlyList<string> Deleted);

/// <summary>
/// Online copies of the SQLite register: SQLite's backup API reads one consistent snapshot (write-ahead log included)
/// while the app goes on writing, into a hidden working file beside the target that is checked, then renamed into place,
/// so a failure never leaves a half-written copy. Copies are readable by their owner only. PostgreSQL is backed up with
/// pg_dump, which this says rather than does.
/// </summary>
public sealed partial class DatabaseBackup(DatabaseSettings database, IOptions<BackupOptions> options, TimeProvider clock)
{
    /// <summary>Copies the live database to <paramref name="target"/>; refuses an existing file unless <paramref name="overwrite"/>.</summary>
    public async Task<BackupResult> BackupAsync(string target, bool overwrite, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (database.IsPostgres)
            throw new DomainException(PostgresAdvice(target));
        var started = Stopwatch.GetTimestamp();
        var live = LivePath();
        if (!File.Exists(live))
            throw new DomainException($"There is no database at {live} to back up (check ConnectionStrings:Default).");
        var path = Path.GetFullPath(target);
        if (Directory.Exists(path))
            throw new DomainException($"{path} is a folder: give the backup a file name, such as {Path.Combine(path, $"{Path.GetFileNameWithoutExtension(live)}-{London.Today(clock):yyyy-MM-dd}.db")}.");
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
            throw new DomainException($"The folder {folder} does not exist: create it first, or give another path.");
        if (SamePath(path, live))
            throw new DomainException($"{path} is the live database itself: give the backup another name.");
        if (File.Exists(path) && !overwrite)
            throw new DomainException($"{path} already exists: give another name, or add --force to replace it.");

        var working = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            try
            {
                await using (PrivateFile.CreateNew(working))
                {
                }
            }
            catch (UnauthorizedAccessException)
            {
                throw new DomainException($"Cannot write to {folder}: this account has no permission to create files there.");
            }
            await CopyOnlineAsync(live, working, ct);
            File.Move(working, path, overwrite);
        }
        catch (Exception ex) when (ex is SqliteException or IOException)
        {
            throw new DomainException($"The backup to {path} failed and nothing was written: {ex.Message}");
        }
        finally
        {
            PrivateFile.DeleteWithJournals(working);
        }
        return new BackupResult(path, new FileInfo(path).Length, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The daily backup: a copy named by date and time in <c>Backup:Folder</c>, then all but the newest <c>Backup:Keep</c> deleted.</summary>
    public async Task<ScheduledBackupResult> RunScheduledAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var folder = ScheduledFolder();
        Directory.CreateDirectory(folder);
        var stem = Path.GetFileNameWithoutExtension(LivePath());
        var name = $"{stem}-{London.Now(clock).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.db";
        var result = await BackupAsync(Path.Combine(folder, name), overwrite: true, ct);

        var dated = DatedCopy();
        var deleted = Directory.EnumerateFiles(folder)
            .Where(f => dated.Match(Path.GetFileName(f)) is { Success: true } m && m.Groups["stem"].Value == stem)
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Skip(settings.Keep)
            .ToList();
        foreach (var old in deleted)
            File.Delete(old);
        return new ScheduledBackupResult(result, deleted);
    }

    /// <summary>Where the daily copies go: <c>Backup:Folder</c>, or <c>backups</c> beside the database.</summary>
    public string ScheduledFolder() =>
        string.IsNullOrWhiteSpace(options.Value.Folder)
            ? Path.Combine(Path.GetDirectoryName(LivePath())!, "backups")
            : Path.GetFullPath(options.Value.Folder);

    /// <summary>The SQLite file the app runs on.</summary>
    public string LivePath() => Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);

    /// <summary>One consistent snapshot in one step; the copy keeps a plain rollback journal so it is one self-contained file.</summary>
    private async Task CopyOnlineAsync(string live, string working, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (source.DefaultTimeout <= 0 || source.DefaultTimeout == 30)
            source.DefaultTimeout = 30;
        await using var from = new SqliteConnection(source.ConnectionString);
        await using var to = new SqliteConnection(PrivateConnection(working));
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
        await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", ct);
        var check = await ScalarAsync(to, "PRAGMA quick_check;", ct);
        if (check != "ok")
            throw new DomainException($"The copy of {live} did not pass SQLite's check ({check}); nothing was written. Run the backup again.");
    }

    internal static string PrivateConnection(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString;

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    internal static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>What to run instead on PostgreSQL, built from the configured connection without its password.</summary>
    internal string PostgresAdvice(string target)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var parts = new List<string> { "pg_dump", "--format=custom" };
        if (!string.IsNullOrEmpty(connection.Host))
            parts.Add($"--host={Quote(connection.Host)}");
        if (connection.Port != NpgsqlConnection.DefaultPort)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"--port={connection.Port}"));
        if (!string.IsNullOrEmpty(connection.Username))
            parts.Add($"--username={Quote(connection.Username)}");
        if (!string.IsNullOrEmpty(connection.Database))
            parts.Add($"--dbname={Quote(connection.Database)}");
        parts.Add($"--file={Quote(target)}");
        return "The register is on PostgreSQL, which is backed up with pg_dump rather than this command. For example:"
            + Environment.NewLine + "  " + string.Join(' ', parts)
            + Environment.NewLine + "pg_dump asks for the password, or reads it from PGPASSWORD or ~/.pgpass; restore such a file with pg_restore (see the README's \"Backup and restore\").";
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':' or '=' or '@') ? value : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    [GeneratedRegex(@"^(?<stem>.+)-\d{4}-\d{2}-\d{2}-\d{4}\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedCopy();
}
