using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Core.Data.Migrations;

/// <summary>
/// Starts the history of every action already in the register with its state today, in force from the meeting that
/// raised it — and, for an action closed or cancelled on a known day, an open period until that day — so that "times
/// carried" counts for them exactly what it counted before there was a history. The same SQL on SQLite and PostgreSQL
/// but for joining the owner codes and the clock.
/// </summary>
internal static class ActionPeriodBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var owners = postgres
            ? """(SELECT COALESCE(string_agg(r."Code", '/' ORDER BY r."Code"), '') FROM "ActionOwners" o JOIN "Roles" r ON r."Id" = o."OwnersId" WHERE o."ActionItemId" = a."Id")"""
            : """(SELECT COALESCE(group_concat("Code", '/'), '') FROM (SELECT r."Code" FROM "ActionOwners" o JOIN "Roles" r ON r."Id" = o."OwnersId" WHERE o."ActionItemId" = a."Id" ORDER BY r."Code"))""";
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%S', 'now')";
        const string Columns = """
            "ActionItemId", "From", "RecordedAtUtc", "RecordedBy", "Decision", "Text", "Owners", "DueKind", "DueMeetingId", "DueDate", "DuePhrase", "Status", "ClosedAtMeetingId", "ClosedOn"
            """;
        const string Ended = """a."Status" IN ('Closed', 'Cancelled') AND a."ClosedOn" IS NOT NULL AND a."ClosedOn" > m."Date" """;

        migrationBuilder.Sql($"""
            INSERT INTO "ActionPeriods" ({Columns})
            SELECT a."Id", m."Date", {now}, 'system', 'None', a."Text", {owners}, a."DueKind", a."DueMeetingId", a."DueDate", a."DuePhrase",
                CASE WHEN {Ended} THEN 'Open' ELSE a."Status" END,
                CASE WHEN {Ended} THEN NULL ELSE a."ClosedAtMeetingId" END,
                CASE WHEN {Ended} THEN NULL ELSE a."ClosedOn" END
            FROM "ActionItems" a JOIN "Meetings" m ON m."Id" = a."RaisedAtMeetingId";
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "ActionPeriods" ({Columns})
            SELECT a."Id", a."ClosedOn", {now}, 'system', CASE WHEN a."Status" = 'Cancelled' THEN 'Cancelled' ELSE 'Closed' END, a."Text", {owners},
                a."DueKind", a."DueMeetingId", a."DueDate", a."DuePhrase", a."Status", a."ClosedAtMeetingId", a."ClosedOn"
            FROM "ActionItems" a JOIN "Meetings" m ON m."Id" = a."RaisedAtMeetingId"
            WHERE {Ended};
            """);
    }
}
