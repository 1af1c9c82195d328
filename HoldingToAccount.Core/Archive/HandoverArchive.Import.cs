using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Audit;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Grammar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HoldingToAccount.Core.Archive;

/// <summary>What an import loaded.</summary>
public sealed record ArchiveImportResult(ArchiveManifest Manifest, IReadOnlyDictionary<string, string> RolesRenamed, int AuditEntries)
{
    public string Message
    {
        get
        {
            int Rows(string table) => Manifest.Tables.FirstOrDefault(t => t.Name == table)?.Rows ?? 0;
            var renamed = RolesRenamed.Count == 0 ? "" : $" Renamed {string.Join(", ", RolesRenamed.Select(r => $"{r.Key} to {r.Value}"))}.";
            return $"Imported the register exported on {Manifest.ExportedAtUtc:yyyy-MM-dd HH:mm} UTC: {Counted.Of(Rows("Meetings"), "meeting")}, "
                + $"{Counted.Of(Rows("ActionItems"), "action")} with {Counted.Of(Rows("ActionUpdates"), "update")}, {Counted.Of(Rows("People"), "person", "people")}. "
                + $"Every table matched its checksum and all {AuditEntries} audit entries verify.{renamed} "
                + "Create the new body's accounts with create-user.";
        }
    }
}

public sealed partial class HandoverArchive
{
    private const int ParametersPerStatement = 900;

    /// <summary>
    /// Loads an archive into this instance's empty register, or refuses with the reason and changes nothing: a file that
    /// is not this product's archive, a schema this version does not know, any file not matching its checksum, a row
    /// count not matching the manifest, an audit trail that does not verify, a role to rename that the archive lacks, a
    /// register that is not empty.
    /// </summary>
    public async Task<ArchiveImportResult> ImportAsync(string source, ArchiveRoleMap roles, string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(roles);
        var path = Path.GetFullPath(source);
        if (!File.Exists(path))
            throw new DomainException($"There is no file {path}.");

        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor;
        var tables = Describe(db);
        await RefuseUnlessEmptyAsync(db, tables, ct);

        var (manifest, contents) = Read(path, tables, await LatestMigrationAsync(db, ct));
        var roleTable = tables.Single(t => t.Name == "Roles");
        var codes = contents["Roles"].Select(r => (string)r[roleTable.IndexOf("Code")]!).ToList();
        roles.CheckAgainst(codes);

        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var table in ArchiveTable.InInsertOrder(tables))
            await InsertAsync(db, table, Renamed(table, contents[table.Name], roles, codes), ct);
        await ResetIdentitiesAsync(db, tables, ct);
        await RecordImportAsync(db, tables.Single(t => t.Name == "AuditEntries"), path, manifest, roles, ct);

        var verified = await AuditChain.VerifyAsync(db, ct);
        if (!verified.Intact)
            throw new DomainException($"Nothing was imported: after loading, the audit trail did not verify ({verified.Message}).");
        foreach (var entry in manifest.Tables)
        {
            var loaded = await CountAsync(db, entry.Name, ct);
            var expected = entry.Rows + (entry.Name == "AuditEntries" ? 1 : 0);
            if (loaded != expected)
                throw new DomainException($"Nothing was imported: {entry.Name} held {loaded} rows after loading, not the {expected} expected.");
        }
        await transaction.CommitAsync(ct);
        return new ArchiveImportResult(manifest, roles.Renames, verified.Checked);
    }

    private static async Task<string> LatestMigrationAsync(AppDbContext db, CancellationToken ct)
    {
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            throw new DomainException("This database is not up to date with this version of the app: run migrate first, then import.");
        return db.Database.GetMigrations().Last();
    }

    /// <summary>An archive goes into a new register only: ids are kept, so any row already here could clash with one in the archive.</summary>
    private static async Task RefuseUnlessEmptyAsync(AppDbContext db, IReadOnlyList<ArchiveTable> tables, CancellationToken ct)
    {
        var held = new List<string>();
        foreach (var table in tables)
        {
            var count = await CountAsync(db, table.Name, ct);
            if (count > 0)
                held.Add($"{count} {(count == 1 ? "row" : "rows")} in {table.Name}");
        }
        if (held.Count == 0)
            return;
        var meetings = await CountAsync(db, "Meetings", ct);
        var actions = await CountAsync(db, "ActionItems", ct);
        var what = meetings + actions > 0
            ? $"it already holds {Counted.Of((int)meetings, "meeting")} and {Counted.Of((int)actions, "action")}"
            : $"it already holds {string.Join(", ", held)} (an account created with create-user is recorded in the audit trail)";
        throw new DomainException($"Nothing was imported: this register is not empty — {what}. "
            + "An archive is loaded into a new, empty database: point ConnectionStrings:Default at one, run the import, then create accounts.");
    }

    private static async Task<long> CountAsync(AppDbContext db, string table, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COUNT(*) FROM {ArchiveTable.Quote(table)}";
        if (command.Connection!.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>Opens and checks the whole archive before anything is written.</summary>
    private static (ArchiveManifest Manifest, Dictionary<string, List<object?[]>> Contents) Read(string path, IReadOnlyList<ArchiveTable> tables, string latestMigration)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var manifest = Manifest(zip, path);
            var schema = SchemaName(latestMigration);
            if (!string.Equals(manifest.SchemaVersion, schema, StringComparison.Ordinal))
                throw new DomainException($"Nothing was imported: the archive's schema is {manifest.SchemaVersion}, and this version of the app is at {schema}. "
                    + "Import it with the version of the app that exported it (the same release), then upgrade.");

            var contents = new Dictionary<string, List<object?[]>>();
            foreach (var table in tables)
            {
                var entry = manifest.Tables.FirstOrDefault(t => t.Name == table.Name)
                    ?? throw new DomainException($"Nothing was imported: the archive's manifest does not list the table {table.Name}.");
                var bytes = Bytes(zip, entry.File);
                if (Sha256(bytes) != entry.Sha256)
                    throw new DomainException($"Nothing was imported: {entry.File} does not match its checksum in the manifest — the archive has been altered or damaged.");
                var rows = Rows(table, bytes, entry.File);
                if (rows.Count != entry.Rows)
                    throw new DomainException($"Nothing was imported: {entry.File} holds {rows.Count} rows but the manifest says {entry.Rows}.");
                contents[table.Name] = rows;
            }
            foreach (var notes in manifest.Notes)
            {
                if (Sha256(Bytes(zip, notes.File)) != notes.Sha256)
                    throw new DomainException($"Nothing was imported: {notes.File} does not match its checksum in the manifest — the archive has been altered or damaged.");
            }

            var audit = tables.Single(t => t.Name == "AuditEntries");
            var entries = AuditEntriesOf(audit, contents[audit.Name]).ToList();
            var chain = AuditChain.Verify(entries);
            if (!chain.Intact)
                throw new DomainException($"Nothing was imported: the archive's audit trail does not verify. {chain.Message}");
            if (entries.Count != manifest.AuditChain.Entries || (entries.Count > 0 ? entries[^1].Hash : null) != manifest.AuditChain.LastHash)
                throw new DomainException("Nothing was imported: the archive's audit trail does not end where its manifest says — entries are missing.");
            return (manifest, contents);
        }
        catch (InvalidDataException)
        {
            throw new DomainException($"Nothing was imported: {path} is not a handover archive (it is not a readable zip file).");
        }
    }

    private static ArchiveManifest Manifest(ZipArchive zip, string path)
    {
        ArchiveManifest? manifest;
        try
        {
            manifest = zip.GetEntry(ManifestFile) is null ? null : JsonSerializer.Deserialize<ArchiveManifest>(Bytes(zip, ManifestFile), ManifestJson);
        }
        catch (JsonException)
        {
            manifest = null;
        }
        if (manifest is null || manifest.Product != Product || manifest.Format != Format || manifest.Tables is null || manifest.Notes is null || manifest.AuditChain is null)
            throw new DomainException($"Nothing was imported: {path} is not a {Product} handover archive (its {ManifestFile} is missing or names another product).");
        if (manifest.FormatVersion != FormatVersion)
            throw new DomainException($"Nothing was imported: the archive is in format version {manifest.FormatVersion}, which this version of the app does not read (it reads {FormatVersion}). Upgrade the app.");
        return manifest;
    }

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new DomainException($"Nothing was imported: the archive has no {name}, which its manifest lists.");
        using var input = entry.Open();
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }

    private static List<object?[]> Rows(ArchiveTable table, byte[] bytes, string file)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var columns = json.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
            if (!columns.SequenceEqual(table.Columns.Select(c => c.Name)))
                throw new DomainException($"Nothing was imported: {file} has the columns {string.Join(", ", columns)}, not the ones this version keeps ({string.Join(", ", table.Columns.Select(c => c.Name))}).");
            var rows = new List<object?[]>();
            foreach (var element in json.RootElement.GetProperty("rows").EnumerateArray())
            {
                var values = element.EnumerateArray().ToList();
                if (values.Count != table.Columns.Count)
                    throw new FormatException($"row {rows.Count + 1} has {values.Count} values");
                var row = new object?[values.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    try
                    {
                        row[i] = ArchiveValues.Parse(values[i], table.Columns[i].ValueType);
                    }
                    catch (FormatException ex)
                    {
                        throw new FormatException($"row {rows.Count + 1}, column {table.Columns[i].Name}: {ex.Message}", ex);
                    }
                }
                rows.Add(row);
            }
            return rows;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DomainException($"Nothing was imported: {file} cannot be read ({ex.Message}).");
        }
    }

    /// <summary>The rows with <c>--map-role</c> applied: the role's code, the owners in the actions' history, the roles a reminder was about.</summary>
    private static List<object?[]> Renamed(ArchiveTable table, List<object?[]> rows, ArchiveRoleMap roles, IReadOnlyCollection<string> codes)
    {
        if (roles.Renames.Count == 0)
            return rows;
        (string Column, char Separator, bool Sort)[] columns = table.Name switch
        {
            "Roles" => [("Code", ' ', false)],
            "ActionPeriods" => [("Owners", ActionPeriod.OwnerSeparator, true)],
            "ReminderDeliveries" => [("RoleCodes", ' ', false), ("VacantRoleCodes", ' ', false)],
            _ => [],
        };
        if (table.Name == "Roles")
        {
            var (code, title) = (table.IndexOf("Code"), table.IndexOf("Title"));
            foreach (var row in rows)
            {
                if (roles.Title(roles.Code((string)row[code]!)) is { } renamedTitle && roles.Renames.ContainsKey((string)row[code]!))
                    row[title] = renamedTitle;
            }
        }
        foreach (var (column, separator, sort) in columns)
        {
            var at = table.IndexOf(column);
            foreach (var row in rows)
            {
                if (row[at] is string value)
                    row[at] = table.Name == "Roles" ? roles.Code(value) : roles.Codes(value, separator, codes, sort);
            }
        }
        return rows;
    }

    /// <summary>Many rows per statement (a round trip per row is slow on a PostgreSQL server), ids as they were; a row that
    /// refers to another of its own table (a role's line role) gets that reference once every row is in.</summary>
    private static async Task InsertAsync(AppDbContext db, ArchiveTable table, List<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var self = table.SelfReferences.Select(table.IndexOf).ToHashSet();
        var perStatement = Math.Max(1, ParametersPerStatement / table.Columns.Count);
        var columnList = string.Join(", ", table.Columns.Select(c => ArchiveTable.Quote(c.Name)));
        foreach (var batch in rows.Chunk(perStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>(batch.Length);
            foreach (var row in batch)
            {
                var names = new List<string>(row.Length);
                for (var i = 0; i < row.Length; i++)
                {
                    var name = $"@p{command.Parameters.Count}";
                    command.Parameters.Add(Parameter(command, table.Columns[i], name, self.Contains(i) ? null : row[i]));
                    names.Add(name);
                }
                values.Add($"({string.Join(", ", names)})");
            }
            command.CommandText = $"INSERT INTO {ArchiveTable.Quote(table.Name)} ({columnList}) VALUES {string.Join(", ", values)}";
            await command.ExecuteNonQueryAsync(ct);
        }
        if (self.Count == 0)
            return;
        var key = table.Key.Select(table.IndexOf).ToList();
        foreach (var row in rows.Where(r => self.Any(i => r[i] is not null)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sets = self.Select(i => $"{ArchiveTable.Quote(table.Columns[i].Name)} = @s{i}").ToList();
            foreach (var i in self)
                command.Parameters.Add(Parameter(command, table.Columns[i], $"@s{i}", row[i]));
            var where = key.Select(i => $"{ArchiveTable.Quote(table.Columns[i].Name)} = @k{i}").ToList();
            foreach (var i in key)
                command.Parameters.Add(Parameter(command, table.Columns[i], $"@k{i}", row[i]));
            command.CommandText = $"UPDATE {ArchiveTable.Quote(table.Name)} SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", where)}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A parameter made by the database's own type mapping, as EF would make it for the app.</summary>
    private static DbParameter Parameter(DbCommand command, ArchiveColumn column, string name, object? value)
    {
        var modelValue = value is null || column.Converter is null ? value : column.Converter.ConvertFromProvider(value);
        return column.Mapping.CreateParameter(command, name, modelValue, nullable: true);
    }

    /// <summary>PostgreSQL identity columns do not move past ids inserted explicitly; without this the next new row would clash.</summary>
    private static async Task ResetIdentitiesAsync(AppDbContext db, IReadOnlyList<ArchiveTable> tables, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
            return;
        foreach (var table in tables.Where(t => t.Identity is not null))
        {
            // Names from the EF model, not from the archive: nothing here comes from the file.
            var name = ArchiveTable.Quote(table.Name);
            var id = ArchiveTable.Quote(table.Identity!);
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('{name}', '{table.Identity}'), COALESCE((SELECT MAX({id}) FROM {name}), 0) + 1, false)", ct);
#pragma warning restore EF1002
        }
    }

    /// <summary>The import itself goes into the trail, chained after the last imported entry: where the register came from and what was renamed.</summary>
    private async Task RecordImportAsync(AppDbContext db, ArchiveTable audit, string path, ArchiveManifest manifest, ArchiveRoleMap roles, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new AuditEntry
        {
            AtUtc = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
            Who = db.ActorName,
            EntityType = ImportedEntityType,
            EntityId = Path.GetFileName(path),
            Change = "Imported",
            After = JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["ExportedAtUtc"] = manifest.ExportedAtUtc,
                ["RolesRenamed"] = roles.Renames,
                ["SchemaVersion"] = manifest.SchemaVersion,
                ["SourceDatabase"] = manifest.SourceDatabase,
                ["Tables"] = manifest.Tables.ToDictionary(t => t.Name, t => t.Rows),
            }),
            PreviousHash = manifest.AuditChain.LastHash,
        };
        entry.Hash = AuditChain.HashOf(entry);
        var columns = audit.Columns.Where(c => c.Name != audit.Identity).ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        object?[] values = [entry.AtUtc, entry.Who, entry.EntityType, entry.EntityId, entry.Change, entry.Before, entry.After, entry.PreviousHash, entry.Hash];
        string[] names = ["AtUtc", "Who", "EntityType", "EntityId", "Change", "Before", "After", "PreviousHash", "Hash"];
        for (var i = 0; i < names.Length; i++)
            command.Parameters.Add(Parameter(command, columns.Single(c => c.Name == names[i]), $"@p{i}", values[i]));
        command.CommandText = $"INSERT INTO \"AuditEntries\" ({string.Join(", ", names.Select(ArchiveTable.Quote))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
        await command.ExecuteNonQueryAsync(ct);
    }
}
