using System.Globalization;
using System.Text;

namespace HoldingToAccount.Core.Archive;

/// <summary>README.txt: the archive explained to whoever opens it, with or without this app.</summary>
internal static class ArchiveReadMe
{
    public static string Text(ArchiveManifest manifest)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("HOLDING TO ACCOUNT — HANDOVER ARCHIVE");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture, $"The action register of the holding to account meetings, with its history and audit trail, exported on {manifest.ExportedAtUtc:yyyy-MM-dd HH:mm} UTC"));
        Line($"from a {manifest.SourceDatabase} database at schema version {manifest.SchemaVersion} (migration {manifest.MigrationId}).");
        Line("It is meant for the body that takes over the register (a mayor or a policing board) and holds the whole");
        Line("register, including restricted items: keep it as you would the register itself.");
        Line();
        Line("WHAT IS IN IT");
        Line();
        Line($"{HandoverArchive.ManifestFile}  what the archive is: product, format, schema version, when it was exported, and for every");
        Line("               file its SHA-256 checksum (and for every table its number of rows).");
        Line("tables/*.json  one file per table of the register: {\"table\": name, \"columns\": [...], \"rows\": [[...], ...]},");
        Line("               each row an array of values in column order, rows in id order. Ids are the register's own and");
        Line("               the *Id columns refer to them. Dates are yyyy-MM-dd (meeting dates are London dates), times of");
        Line("               day HH:mm:ss.ffffff (London), instants yyyy-MM-ddTHH:mm:ss.ffffffZ (UTC).");
        Line("notes/*.html   the generated notes of every held or published meeting, as the app exports them (full variant).");
        Line();
        Line("The tables:");
        foreach (var table in manifest.Tables)
            Line(string.Create(CultureInfo.InvariantCulture, $"  {table.Name,-20} {table.Rows,8} rows  {Describe(table.Name)}"));
        Line();
        Line("THE AUDIT TRAIL");
        Line();
        Line("tables/AuditEntries.json is every change ever recorded, append-only, each entry chained to the one before by");
        Line("hash. An entry's Hash is the lower-case hex SHA-256 of the UTF-8 text made by joining, with the character U+001F,");
        Line("PreviousHash (empty for the first), AtUtc as yyyy-MM-ddTHH:mm:ss.fff, Who, EntityType, EntityId, Change, Before");
        Line("(empty if none) and After (empty if none); each entry's PreviousHash is the Hash of the entry before it.");
        Line(string.Create(CultureInfo.InvariantCulture, $"This archive's trail has {manifest.AuditChain.Entries} entries; the last hash is {manifest.AuditChain.LastHash ?? "(none)"}."));
        Line("Changes to sign-in accounts appear in it too (with password and token fields shown as \"(hidden)\").");
        Line();
        Line("WHAT IS LEFT OUT");
        Line();
        foreach (var item in manifest.LeftOut)
            Line($"- {item}");
        Line();
        Line("LOADING IT INTO A NEW INSTANCE");
        Line();
        Line("Install the same release of the app, point ConnectionStrings:Default at a new, empty database (SQLite or");
        Line("PostgreSQL), then run:");
        Line();
        Line("  dotnet HoldingToAccount.Dashboard.dll archive import PATH-TO-THIS-FILE [--map-role PCC=MAYOR[:New title]]");
        Line();
        Line("The import checks every checksum, the row counts and the audit chain before it writes anything, writes it all");
        Line("in one transaction with the ids kept, and records itself in the audit trail. --map-role renames a role code");
        Line("(the role, so every action it owns and every holding of it, and the codes in the actions' history); the audit");
        Line("trail keeps the codes it recorded at the time. Then create the new body's accounts with create-user.");
        return text.ToString();
    }

    private static string Describe(string table) => table switch
    {
        "People" => "people: names, e-mail addresses, whether active",
        "Roles" => "offices that own actions (code, title, line role)",
        "RoleHoldings" => "who held which role, from when to when, temporary or not",
        "Series" => "meeting series: name, kind, recurrence, venue",
        "AgendaSections" => "each series' agenda template",
        "Meetings" => "meetings: date, time, venue, chair, status, publication",
        "MeetingAttendees" => "attendance and apologies, with capacity",
        "AgendaItems" => "agenda items: number, title, questions, findings, restricted or not",
        "ActionItems" => "actions: reference (Year/Sequence), text, due point, status",
        "ActionOwners" => "which roles own each action",
        "ActionPeriods" => "each action's history of text, owners, due point and status",
        "ActionUpdates" => "dated updates on actions, with author and channel",
        "ChaseRequests" => "chases the secretariat asked for",
        "Escalations" => "escalations of slipping actions",
        "ReminderDeliveries" => "every reminder planned, sent or failed (reply tokens left out)",
        "InboundReplies" => "e-mailed replies received and what was done with them",
        "AuditEntries" => "the audit trail (see below)",
        _ => "",
    };
}
