using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Backup;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Grammar;
using HoldingToAccount.Core.Meetings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HoldingToAccount.Core.Archive;

/// <summary>What an export wrote.</summary>
public sealed record ArchiveExportResult(string Path, long Bytes, ArchiveManifest Manifest, TimeSpan Took)
{
    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"Exported the register to {Path} ({Bytes / 1024.0 / 1024.0:0.0} MB in {Took.TotalSeconds:0.0} s): "
        + $"{Counted.Of(Rows("Meetings"), "meeting")}, {Counted.Of(Rows("ActionItems"), "action")} with {Counted.Of(Rows("ActionUpdates"), "update")}, "
        + $"{Counted.Of(Rows("People"), "person", "people")}, {Counted.Of(Rows("AuditEntries"), "audit entry", "audit entries")} "
        + $"and the notes of {Counted.Of(Manifest.Notes.Count, "held meeting")}. Keep it safe: it holds the whole register.");

    public int Rows(string table) => Manifest.Tables.FirstOrDefault(t => t.Name == table)?.Rows ?? 0;
}

public sealed partial class HandoverArchive
{
    private static readonly JsonWriterOptions TableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the archive to <paramref name="target"/>: read in one snapshot, written to a hidden working file in the
    /// same folder (owner-only) and renamed into place, so it is never half-written. Refuses an existing file unless
    /// <paramref name="overwrite"/>.
    /// </summary>
    public async Task<ArchiveExportResult> ExportAsync(string target, bool overwrite, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var started = Stopwatch.GetTimestamp();
        var path = Path.GetFullPath(target);
        if (Directory.Exists(path))
            throw new DomainException($"{path} is a folder: give the archive a file name, such as {Path.Combine(path, $"holdingtoaccount-archive-{London.Today(clock):yyyy-MM-dd}.zip")}.");
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
            throw new DomainException($"The folder {folder} does not exist: create it first, or give another path.");
        if (File.Exists(path) && !overwrite)
            throw new DomainException($"{path} already exists: give another name, or add --force to replace it.");

        var (tables, migrationId, provider) = await ReadTablesAsync(ct);
        var chain = AuditChain.Verify(AuditEntriesOf(tables.Single(t => t.Table.Name == "AuditEntries")));
        if (!chain.Intact)
            throw new DomainException($"Nothing was exported: the audit trail here does not verify ({chain.Message}) and the new instance would refuse it. Run verify-audit and deal with that first.");

        var files = new List<(string Name, byte[] Bytes)>();
        var tableEntries = new List<ArchiveTableEntry>();
        foreach (var (table, rows) in tables)
        {
            var bytes = TableFile(table, rows);
            var file = $"tables/{table.Name}.json";
            files.Add((file, bytes));
            tableEntries.Add(new ArchiveTableEntry(table.Name, file, rows.Count, Sha256(bytes)));
        }
        var notesEntries = new List<ArchiveNotesEntry>();
        foreach (var (meetingId, date) in HeldMeetings(tables.Single(t => t.Table.Name == "Meetings")))
        {
            if (await notes.LoadAsync(meetingId, NotesVariant.Full, ct) is not { } loaded)
                continue;
            var bytes = Encoding.UTF8.GetBytes(NotesDocument.Html(loaded));
            var file = $"notes/{date:yyyy-MM-dd}-meeting-{meetingId}.html";
            files.Add((file, bytes));
            notesEntries.Add(new ArchiveNotesEntry(meetingId, file, Sha256(bytes)));
        }

        var audit = tables.Single(t => t.Table.Name == "AuditEntries");
        var lastHash = audit.Rows.Count == 0 ? null : (string?)audit.Rows[^1][audit.Table.IndexOf("Hash")];
        var manifest = new ArchiveManifest(Product, Format, FormatVersion, SchemaName(migrationId), migrationId, provider,
            clock.GetUtcNow().UtcDateTime, tableEntries, new ArchiveAuditChain(audit.Rows.Count, lastHash), notesEntries, LeftOut);

        await WriteZipAsync(path, folder, overwrite, manifest, files, ct);
        return new ArchiveExportResult(path, new FileInfo(path).Length, manifest, Stopwatch.GetElapsedTime(started));
    }

    private sealed record TableRows(ArchiveTable Table, List<object?[]> Rows);

    /// <summary>Every carried table, read in one snapshot so the archive is the register at one moment.</summary>
    private async Task<(List<TableRows> Tables, string MigrationId, string Provider)> ReadTablesAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new DomainException("This database is not up to date with this version of the app: run migrate first, then export.");
        var migrationId = (await db.Database.GetAppliedMigrationsAsync(ct)).Last();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await BeginSnapshotAsync(db, ct);
        var result = new List<TableRows>();
        foreach (var table in Describe(db))
        {
            var secret = SecretColumns.TryGetValue(table.Name, out var names) ? names.Select(table.IndexOf).ToHashSet() : [];
            var rows = new List<object?[]>();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = table.SelectSql();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new object?[table.Columns.Count];
                for (var i = 0; i < row.Length; i++)
                    row[i] = secret.Contains(i) ? null : ArchiveValues.Read(reader, i, table.Columns[i].ValueType);
                rows.Add(row);
            }
            result.Add(new TableRows(table, rows));
        }
        await transaction.CommitAsync(ct);
        return (result, migrationId, db.Database.IsNpgsql() ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite));
    }

    /// <summary>A read transaction that sees one moment: deferred on SQLite (it takes no write lock, so the app goes on
    /// writing), repeatable read on PostgreSQL.</summary>
    private static async Task<IDbContextTransaction> BeginSnapshotAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct)
                ?? throw new InvalidOperationException("The read transaction did not start.");
        return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
    }

    /// <summary>One table as JSON: its name, its columns, and its rows in key order, each an array of values in column order.</summary>
    private static byte[] TableFile(ArchiveTable table, List<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, TableJson))
        {
            json.WriteStartObject();
            json.WriteString("table", table.Name);
            json.WriteStartArray("columns");
            foreach (var column in table.Columns)
                json.WriteStringValue(column.Name);
            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in rows)
            {
                json.WriteStartArray();
                foreach (var value in row)
                    ArchiveValues.Write(json, value);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static IEnumerable<(int Id, DateOnly Date)> HeldMeetings(TableRows meetings)
    {
        var (id, status, date) = (meetings.Table.IndexOf("Id"), meetings.Table.IndexOf("Status"), meetings.Table.IndexOf("Date"));
        return meetings.Rows
            .Where(r => r[status] is nameof(MeetingStatus.Held) or nameof(MeetingStatus.Published))
            .Select(r => ((int)r[id]!, (DateOnly)r[date]!));
    }

    private static IEnumerable<AuditEntry> AuditEntriesOf(TableRows audit) => AuditEntriesOf(audit.Table, audit.Rows);

    private static readonly string[] AuditColumns = ["Id", "AtUtc", "Who", "EntityType", "EntityId", "Change", "Before", "After", "PreviousHash", "Hash"];

    internal static IEnumerable<AuditEntry> AuditEntriesOf(ArchiveTable table, IEnumerable<object?[]> rows)
    {
        var at = AuditColumns.Select(table.IndexOf).ToArray();
        return rows.Select(r => new AuditEntry
        {
            Id = Convert.ToInt64(r[at[0]], CultureInfo.InvariantCulture),
            AtUtc = (DateTime)r[at[1]]!,
            Who = (string)r[at[2]]!,
            EntityType = (string)r[at[3]]!,
            EntityId = (string)r[at[4]]!,
            Change = (string)r[at[5]]!,
            Before = (string?)r[at[6]],
            After = (string?)r[at[7]],
            PreviousHash = (string?)r[at[8]],
            Hash = (string?)r[at[9]],
        });
    }

    private static async Task WriteZipAsync(string path, string folder, bool overwrite, ArchiveManifest manifest, List<(string Name, byte[] Bytes)> files, CancellationToken ct)
    {
        var working = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            FileStream stream;
            try
            {
                stream = PrivateFile.CreateNew(working);
            }
            catch (UnauthorizedAccessException)
            {
                throw new DomainException($"Cannot write to {folder}: this account has no permission to create files there.");
            }
            await using (stream)
            {
                await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await AddAsync(zip, ReadMeFile, Encoding.UTF8.GetBytes(ArchiveReadMe.Text(manifest)), ct);
                    await AddAsync(zip, ManifestFile, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson), ct);
                    foreach (var (name, bytes) in files)
                        await AddAsync(zip, name, bytes, ct);
                }
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(working, path, overwrite);
        }
        catch (IOException ex)
        {
            throw new DomainException($"The archive could not be written to {path}, and nothing was left there: {ex.Message}");
        }
        finally
        {
            if (File.Exists(working))
                File.Delete(working);
        }
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var output = await entry.OpenAsync(ct);
        await output.WriteAsync(bytes, ct);
    }

    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
