using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Core.Data.Migrations;

/// <summary>
/// Names what the history entries kept before entries had a decision decided, from the status they set and the words
/// the decisions have always begun with. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal static class UpdateDecisionBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            UPDATE "ActionUpdates" SET "Decision" = CASE
                WHEN "NewStatus" = 'Closed' THEN 'Closed'
                WHEN "NewStatus" = 'Cancelled' THEN 'Cancelled'
                WHEN "Text" LIKE 'Carried to %' THEN 'Carried'
                WHEN "Text" LIKE 'Deferred to the next meeting%' THEN 'Deferred'
                WHEN "Text" LIKE 'Re-dated to %' THEN 'Redated'
                WHEN "Text" LIKE 'Reassigned from %' THEN 'Reassigned'
                WHEN "Text" LIKE 'Reopened%' THEN 'Reopened'
                WHEN "MeetingId" IS NOT NULL THEN 'Noted'
                ELSE 'None' END;
            """);
}
