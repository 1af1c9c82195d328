using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Core.Data.Migrations;

/// <summary>
/// Gives the sections of a register kept before sections had a purpose the purposes its pages and notes went by: section
/// "1" or a title of the actions brought forward, and section "6" or a title naming the next meeting. The same SQL runs on
/// SQLite and PostgreSQL, and a brought-forward title wins over a mention of the next meeting, as in the notes importer.
/// </summary>
internal static class SectionPurposeBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "AgendaSections" SET "Purpose" = 'NextMeeting'
            WHERE "Number" = '6' OR LOWER("Title") LIKE '%next meeting%';
            """);
        migrationBuilder.Sql("""
            UPDATE "AgendaSections" SET "Purpose" = 'BroughtForward'
            WHERE "Number" = '1' OR LOWER("Title") LIKE 'outstanding%' OR LOWER("Title") LIKE '%brought forward%'
                OR LOWER("Title") LIKE 'previous actions%' OR LOWER("Title") LIKE 'action log%';
            """);
    }
}
