using Microsoft.EntityFrameworkCore.Migrations;

namespace HoldingToAccount.Core.Data.Migrations;

/// <summary>
/// The index the register's text search reads (<see cref="Actions.ActionTextSearch"/>): one document per action, made of
/// its text, the title of the agenda item it was raised under and the text of its updates. Triggers keep it up to date
/// whatever writes the tables (the app, imports, bulk deletes), and the migration fills it for the register already
/// kept. It lives outside the EF model (SQL only), so the model and its snapshot do not change.
/// <para>
/// SQLite: an FTS5 table whose rowid is the action's id, with the unicode61 tokenizer folding case and accents.
/// PostgreSQL: a tsvector per action under the 'simple' configuration (no stemming, as on SQLite), with a GIN index.
/// </para>
/// </summary>
internal static class ActionSearchIndex
{
    private const string SqliteDocument = """
        SELECT a."Id", a."Text" || ' ' || COALESCE(i."Title", '') || ' ' ||
            COALESCE((SELECT group_concat(u."Text", ' ') FROM "ActionUpdates" u WHERE u."ActionItemId" = a."Id"), '')
        FROM "ActionItems" a LEFT JOIN "AgendaItems" i ON i."Id" = a."RaisedAtAgendaItemId"
        """;

    public static void SqliteUp(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE action_search USING fts5(document, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER action_search_action_added AFTER INSERT ON "ActionItems" BEGIN
                INSERT INTO action_search (rowid, document) {SqliteDocument} WHERE a."Id" = NEW."Id";
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER action_search_action_changed AFTER UPDATE OF "Text", "RaisedAtAgendaItemId" ON "ActionItems" BEGIN
                DELETE FROM action_search WHERE rowid = OLD."Id";
                INSERT INTO action_search (rowid, document) {SqliteDocument} WHERE a."Id" = NEW."Id";
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER action_search_action_removed AFTER DELETE ON "ActionItems" BEGIN
                DELETE FROM action_search WHERE rowid = OLD."Id";
            END;
            """);
        foreach (var (name, when, action) in new[]
        {
            ("added", "INSERT", "NEW"),
            ("changed", "UPDATE OF \"Text\"", "NEW"),
            ("removed", "DELETE", "OLD"),
        })
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER action_search_update_{name} AFTER {when} ON "ActionUpdates" BEGIN
                    DELETE FROM action_search WHERE rowid = {action}."ActionItemId";
                    INSERT INTO action_search (rowid, document) {SqliteDocument} WHERE a."Id" = {action}."ActionItemId";
                END;
                """);
        }
        migrationBuilder.Sql($"""
            CREATE TRIGGER action_search_item_retitled AFTER UPDATE OF "Title" ON "AgendaItems" BEGIN
                DELETE FROM action_search WHERE rowid IN (SELECT "Id" FROM "ActionItems" WHERE "RaisedAtAgendaItemId" = NEW."Id");
                INSERT INTO action_search (rowid, document) {SqliteDocument} WHERE a."RaisedAtAgendaItemId" = NEW."Id";
            END;
            """);
        migrationBuilder.Sql($"""
            INSERT INTO action_search (rowid, document) {SqliteDocument};
            """);
    }

    public static void SqliteDown(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in new[]
        {
            "action_search_action_added", "action_search_action_changed", "action_search_action_removed",
            "action_search_update_added", "action_search_update_changed", "action_search_update_removed",
            "action_search_item_retitled",
        })
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
        }
        migrationBuilder.Sql("DROP TABLE IF EXISTS action_search;");
    }

    public static void PostgresUp(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE action_search (
                action_id integer PRIMARY KEY REFERENCES "ActionItems" ("Id") ON DELETE CASCADE,
                document tsvector NOT NULL
            );
            CREATE INDEX ix_action_search_document ON action_search USING GIN (document);
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION action_search_refresh(actions integer[]) RETURNS void LANGUAGE sql AS $$
                INSERT INTO action_search (action_id, document)
                SELECT a."Id", to_tsvector('simple', a."Text" || ' ' || COALESCE(i."Title", '') || ' ' ||
                    COALESCE((SELECT string_agg(u."Text", ' ') FROM "ActionUpdates" u WHERE u."ActionItemId" = a."Id"), ''))
                FROM "ActionItems" a LEFT JOIN "AgendaItems" i ON i."Id" = a."RaisedAtAgendaItemId"
                WHERE a."Id" = ANY (actions)
                ON CONFLICT (action_id) DO UPDATE SET document = EXCLUDED.document;
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION action_search_on_action() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM action_search_refresh(ARRAY[NEW."Id"]);
                RETURN NULL;
            END $$;
            CREATE TRIGGER action_search_action AFTER INSERT OR UPDATE OF "Text", "RaisedAtAgendaItemId" ON "ActionItems"
                FOR EACH ROW EXECUTE FUNCTION action_search_on_action();
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION action_search_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    PERFORM action_search_refresh(ARRAY[OLD."ActionItemId"]);
                ELSE
                    PERFORM action_search_refresh(ARRAY[NEW."ActionItemId"]);
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER action_search_update AFTER INSERT OR DELETE OR UPDATE OF "Text" ON "ActionUpdates"
                FOR EACH ROW EXECUTE FUNCTION action_search_on_update();
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION action_search_on_item() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM action_search_refresh(ARRAY(SELECT "Id" FROM "ActionItems" WHERE "RaisedAtAgendaItemId" = NEW."Id"));
                RETURN NULL;
            END $$;
            CREATE TRIGGER action_search_item AFTER UPDATE OF "Title" ON "AgendaItems"
                FOR EACH ROW EXECUTE FUNCTION action_search_on_item();
            """);
        migrationBuilder.Sql("""
            SELECT action_search_refresh(ARRAY(SELECT "Id" FROM "ActionItems"));
            """);
    }

    public static void PostgresDown(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS action_search_item ON "AgendaItems";
            DROP TRIGGER IF EXISTS action_search_update ON "ActionUpdates";
            DROP TRIGGER IF EXISTS action_search_action ON "ActionItems";
            DROP FUNCTION IF EXISTS action_search_on_item();
            DROP FUNCTION IF EXISTS action_search_on_update();
            DROP FUNCTION IF EXISTS action_search_on_action();
            DROP FUNCTION IF EXISTS action_search_refresh(integer[]);
            DROP TABLE IF EXISTS action_search;
            """);
    }
}
