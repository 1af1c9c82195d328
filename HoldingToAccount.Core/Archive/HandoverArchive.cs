using System.Text.Json;
using System.Text.Json.Serialization;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Archive;

/// <summary>A table as the manifest lists it: its file, how many rows, and the SHA-256 of the file's bytes.</summary>
public sealed record ArchiveTableEntry(string Name, string File, int Rows, string Sha256);

/// <summary>A meeting's generated notes as the manifest lists them.</summary>
public sealed record ArchiveNotesEntry(int MeetingId, string File, string Sha256);

/// <summary>The audit trail as exported: how many entries, and the hash of the last, which the next entry must follow.</summary>
public sealed record ArchiveAuditChain(int Entries, string? LastHash);

/// <summary>manifest.json: what the archive is and what it holds, enough to check every other file against.</summary>
public sealed record ArchiveManifest(
    string Product,
    string Format,
    int FormatVersion,
    string SchemaVersion,
    string MigrationId,
    string SourceDatabase,
    DateTime ExportedAtUtc,
    IReadOnlyList<ArchiveTableEntry> Tables,
    ArchiveAuditChain AuditChain,
    IReadOnlyList<ArchiveNotesEntry> Notes,
    IReadOnlyList<string> LeftOut);

/// <summary>
/// The handover archive: the whole register, its history and its audit trail in one self-describing zip file that
/// another instance — on SQLite or PostgreSQL — loads and verifies (<c>archive export PATH</c>,
/// <c>archive import PATH [--map-role A=B]</c>). Written for the end of the PCC's office in 2028, when the register
/// passes to a mayor or a policing board. The import is all or nothing: it checks every file against the manifest and
/// the audit chain before it writes a row, then writes everything in one transaction with the ids kept, so every
/// reference and the audit chain stay valid.
/// </summary>
public sealed partial class HandoverArchive(IDbContextFactory<AppDbContext> factory, NotesExport notes, TimeProvider clock)
{
    public const string Product = "HoldingToAccount";
    public const string Format = "handover-archive";
    public const int FormatVersion = 1;
    public const string ManifestFile = "manifest.json";
    public const string ReadMeFile = "README.txt";

    /// <summary>What the import records in the audit trail, chained after the imported entries.</summary>
    public const string ImportedEntityType = "HandoverArchive";

    /// <summary>Every table of the register that travels, in the order the README lists them.</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "People", "Roles", "RoleHoldings",
        "Series", "AgendaSections", "Meetings", "MeetingAttendees", "AgendaItems",
        "ActionItems", "ActionOwners", "ActionPeriods", "ActionUpdates",
        "ChaseRequests", "Escalations", "ReminderDeliveries", "InboundReplies",
        "AuditEntries",
    ];

    /// <summary>The register's own tables that stay behind, and why: each belongs to the running instance, not to the record.</summary>
    public static readonly IReadOnlyDictionary<string, string> TablesLeftOut = new Dictionary<string, string>
    {
        ["ReminderSweeps"] = "when this instance last planned reminders (the new instance keeps its own schedule)",
        ["InboundMailbox"] = "how far this instance has read its own reply mailbox",
    };

    /// <summary>Everything else that is not carried, for the README and the manifest.</summary>
    public static readonly IReadOnlyList<string> LeftOut =
    [
        "Sign-in accounts, password hashes, API tokens, display (board) links and calendar addresses: secrets of this instance. Create accounts in the new one with create-user.",
        "The reply tokens of sent reminders (ReminderDeliveries.ReplyToken is empty): they are signed with this instance's keys and would be refused by the new one anyway.",
        "The data-protection keys, the Hangfire job store and the e-mail pickup folder: they belong to the running instance.",
        "The text search index: the new instance rebuilds it from the actions and updates as they are imported.",
        .. TablesLeftOut.Select(t => $"{t.Key}: {t.Value}."),
    ];

    /// <summary>Columns emptied on the way out, because they are secrets of this instance.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> SecretColumns = new Dictionary<string, string[]>
    {
        ["ReminderDeliveries"] = ["ReplyToken"],
    };

    internal static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The schema version an archive names: the latest migration's name, the same on SQLite and PostgreSQL (their ids differ).</summary>
    internal static string SchemaName(string migrationId) =>
        migrationId.IndexOf('_', StringComparison.Ordinal) is var at and >= 0 ? migrationId[(at + 1)..] : migrationId;

    internal static IReadOnlyList<ArchiveTable> Describe(AppDbContext db) =>
        Tables.Select(t => ArchiveTable.Describe(db.Model, t)).ToList();
}
