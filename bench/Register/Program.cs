// The register and its exports at volume, each next to the plain SQL that returns the same rows, in the same process
// on the same database: dotnet run -c Release -- [actions] [meetings] [results.json]. HTA_BENCH_PROVIDER=Postgres reads
// a PostgreSQL register (the bench's own server on loopback, or HTA_BENCH_POSTGRES) instead of a SQLite file.
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Export;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var actions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var meetings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
var output = args.Length > 2 ? args[2] : null;
var runs = Environment.GetEnvironmentVariable("HTA_BENCH_RUNS") is { Length: > 0 } r ? int.Parse(r, CultureInfo.InvariantCulture) : actions >= 10_000 ? 40 : 5;
var onPostgres = Environment.GetEnvironmentVariable("HTA_BENCH_PROVIDER") is { Length: > 0 } p
    && Enum.Parse<DatabaseProvider>(p, ignoreCase: true) == DatabaseProvider.Postgres;

await using var cluster = onPostgres ? await PostgresCluster.StartAsync(BenchData.Folder()) : null;
var (configuration, plainConnection, dialect) = cluster is null ? await SqliteAsync() : await PostgresAsync(cluster);
await using var services = new ServiceCollection().AddLogging().AddCore(configuration).AddExports().BuildServiceProvider();
var register = services.GetRequiredService<ActionService>();
await using var plain = plainConnection;
await plain.OpenAsync();
// On PostgreSQL the figures say so, and the size: they sit beside the SQLite ones in RESULTS.md.
var suffix = onPostgres ? string.Create(CultureInfo.InvariantCulture, $" (PostgreSQL, {actions:N0})") : "";

var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
// The next meeting of the first series (the latest, in a small register that has none planned).
var nextMeeting = Convert.ToInt64(Scalar(plain, $"""
    SELECT COALESCE((SELECT "Id" FROM "Meetings" WHERE "SeriesId" = 1 AND "Status" = 'Planned' AND "Date" >= '{today}' ORDER BY "Date" LIMIT 1),
        (SELECT "Id" FROM "Meetings" WHERE "SeriesId" = 1 ORDER BY "Date" DESC LIMIT 1))
    """), CultureInfo.InvariantCulture);
var results = new List<Figure>();

// The plain query: the page's rows with owners and latest update, and the total, straight from the stored columns.
// Identifiers are quoted as PostgreSQL needs them; SQLite reads them the same.
var rowSql = $"""
    SELECT a."Id", a."Year", a."Sequence", a."Text", a."Status", m."Date", m."Title",
        (SELECT {dialect.ListOf("r.\"Code\"")} FROM "ActionOwners" o JOIN "Roles" r ON r."Id" = o."OwnersId" WHERE o."ActionItemId" = a."Id"),
        (SELECT u."Text" FROM "ActionUpdates" u WHERE u."ActionItemId" = a."Id" ORDER BY u."Date" DESC, u."Id" DESC LIMIT 1)
    FROM "ActionItems" a JOIN "Meetings" m ON m."Id" = a."RaisedAtMeetingId"
    """;
const string newestFirst = "ORDER BY a.\"Year\" DESC, a.\"Sequence\" DESC";
var open = "a.\"Status\" IN ('Open', 'UpdateProvided', 'ProposedComplete')";
// A case may first work out a set once (into a temporary table), as the app does, rather than once per statement.
var cases = new (string Name, RegisterQuery Query, string Where, string? Prepare)[]
{
    ("none", new RegisterQuery(), "1 = 1", null),
    ("open", new RegisterQuery(OpenOnly: true), open, null),
    ("owner CC", new RegisterQuery(Owner: "CC"), "EXISTS (SELECT 1 FROM \"ActionOwners\" o JOIN \"Roles\" r ON r.\"Id\" = o.\"OwnersId\" WHERE o.\"ActionItemId\" = a.\"Id\" AND r.\"Code\" = 'CC')", null),
    ("series", new RegisterQuery(SeriesId: 2), "a.\"SeriesId\" = 2", null),
    ("text", new RegisterQuery(Text: "strategy"), dialect.TextMatches("strategy"), null),
    ("raised from/to", new RegisterQuery(RaisedFrom: new DateOnly(2018, 1, 1), RaisedTo: new DateOnly(2019, 12, 31)), "m.\"Date\" BETWEEN '2018-01-01' AND '2019-12-31'", null),
    ("due at meeting", new RegisterQuery(DueMeetingId: (int)nextMeeting), $"{open} AND a.\"DueMeetingId\" = {nextMeeting}", null),
    ("overdue", new RegisterQuery(OverdueOnly: true), $"{open} AND (a.\"DueDate\" < '{today}' OR a.\"DueMeetingId\" IN (SELECT \"Id\" FROM \"Meetings\" WHERE \"Date\" < '{today}'))", null),
    ("carried ≥ 2", new RegisterQuery(MinTimesCarried: 2), "a.\"Id\" IN (SELECT \"ActionItemId\" FROM carried)",
        $"DROP TABLE IF EXISTS carried; CREATE TEMP TABLE carried AS {TimesCarriedSql(tomorrow, dialect)} HAVING count(*) >= 2"),
};
// HTA_BENCH_ONLY=export (or a case's name, "due at meeting") runs only the figures whose name holds it.
var only = Environment.GetEnvironmentVariable("HTA_BENCH_ONLY") is { Length: > 0 } o ? o : null;
bool Wanted(string name) => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
foreach (var (name, query, where, prepare) in cases.Where(c => Wanted($"register page, {c.Name}")))
{
    Page<ActionRow>? page = null;
    var app = await Time(runs, async () => page = await register.SearchAsync(query, 0, 50));
    var plainTotal = 0L;
    var reference = await Time(runs, () =>
    {
        if (prepare is not null)
            Execute(plain, prepare);
        plainTotal = Convert.ToInt64(Scalar(plain, $"SELECT count(*) FROM \"ActionItems\" a JOIN \"Meetings\" m ON m.\"Id\" = a.\"RaisedAtMeetingId\" WHERE {where}"), CultureInfo.InvariantCulture);
        Rows(plain, $"{rowSql} WHERE {where} {newestFirst} LIMIT 50");
        return Task.CompletedTask;
    });
    // The reference is only a reference if it finds the same actions.
    var differs = plainTotal == page!.Total ? "" : $"; the plain SQL finds {plainTotal:N0}";
    results.Add(new Figure($"register page, {name}{suffix}", "p95 ms", app.P95, reference.P95, page.Total,
        $"p50 {app.P50:F1} ms, plain p50 {reference.P50:F1} ms{differs}"));
    Print(results[^1]);
}

if (Wanted("export"))
    await ExportsAsync();

if (output is not null)
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));

async Task ExportsAsync()
{
    var export = services.GetRequiredService<ActionLogExport>();
    var plainExport = await Time(3, () => { Rows(plain, $"{rowSql} {newestFirst}"); return Task.CompletedTask; });
    // The rows an export writes, read and not written: how much of an export's time is the register's, how much the writer's.
    var read = 0;
    var reading = await Time(3, async () =>
    {
        read = 0;
        await foreach (var batch in register.BatchesAsync(new ActionFilter(), ActionLogExport.BatchSize))
            read += batch.Count;
    });
    results.Add(new Figure($"export rows read, not written{suffix}", "median ms", reading.P50, plainExport.P50, read, $"batches of {ActionLogExport.BatchSize}"));
    Print(results[^1]);
    foreach (var (name, write) in new (string, Func<Stream, Task>)[]
    {
        ("csv", s => export.WriteCsvAsync(new ActionFilter(), s)),
        ("xlsx", s => export.WriteXlsxAsync(new ActionFilter(), s)),
    })
    {
        var file = Path.Combine(Path.GetTempPath(), $"hta-bench-{Guid.NewGuid():N}.{name}");
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        using (new Timer(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)), null, 0, 20))
        {
            var time = await Time(3, async () => { await using var stream = File.Create(file); await write(stream); });
            results.Add(new Figure($"export {name}, all rows{suffix}", "median ms", time.P50, plainExport.P50, actions,
                $"{new FileInfo(file).Length / 1048576.0:F1} MiB; {time.P50 * 1000 / actions:F1} µs a row; managed heap peak +{(peak - heapBefore) / 1048576.0:F0} MiB"));
            Print(results[^1]);
        }
        File.Delete(file);
    }
}

// "Times carried" as plain SQL, the rule the app runs in memory: each period of an action's history that is open is in
// force, before a meeting's day, from its start up to the next period's; every held meeting of the series in that span,
// after the raising meeting, on or after the period's due point, before `before` and not after the action closed, counts,
// unless the action was closed on that very day. The fastest of the forms tried in sqlite3 (a join per meeting, this
// join per period, a running count per series looked up per period); grouped by action, ready for HAVING.
static string TimesCarriedSql(string before, Dialect dialect) => $"""
    SELECT b."ActionItemId" FROM (
        SELECT p."ActionItemId", p."From", p."Until", a."SeriesId", a."ClosedOn", r."Date" AS "RaisedOn",
            CASE p."DueKind" WHEN 'Meeting' THEN (SELECT d."Date" FROM "Meetings" d WHERE d."Id" = p."DueMeetingId")
                WHEN 'Date' THEN p."DueDate" WHEN 'NextMeeting' THEN {dialect.DayAfter("r.\"Date\"")} END AS "FirstDue"
        FROM (SELECT "ActionItemId", "From", "Status", "DueKind", "DueMeetingId", "DueDate",
                LEAD("From") OVER (PARTITION BY "ActionItemId" ORDER BY "Id") AS "Until" FROM "ActionPeriods") p
        JOIN "ActionItems" a ON a."Id" = p."ActionItemId" JOIN "Meetings" r ON r."Id" = a."RaisedAtMeetingId"
        WHERE p."Status" NOT IN ('Closed', 'Cancelled')) b
    JOIN "Meetings" m ON m."SeriesId" = b."SeriesId" AND m."Date" > b."From" AND m."Date" > b."RaisedOn" AND m."Date" >= b."FirstDue"
        AND (b."Until" IS NULL OR m."Date" <= b."Until") AND m."Date" < '{before}' AND (b."ClosedOn" IS NULL OR m."Date" <= b."ClosedOn")
    WHERE m."Status" IN ('Held', 'Published')
        AND NOT EXISTS (SELECT 1 FROM (SELECT q."Status" FROM "ActionPeriods" q WHERE q."ActionItemId" = b."ActionItemId"
            AND q."From" = m."Date" AND b."Until" = m."Date" ORDER BY q."Id" DESC LIMIT 1) z WHERE z."Status" IN ('Closed', 'Cancelled'))
    GROUP BY b."ActionItemId"
    """;

static void Print(Figure f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{f.Name,-52} {f.Value,9:F1} {f.Unit,-9} plain {f.Reference,8:F1}  ratio {f.Ratio,5:F2}  rows {f.Rows,7:N0}  {f.Note}"));

static async Task<(double P50, double P95)> Time(int runs, Func<Task> work)
{
    for (var i = 0; i < 3; i++)
        await work();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (times[(int)Math.Floor(0.5 * (runs - 1))], times[(int)Math.Ceiling(0.95 * (runs - 1))]);
}

async Task<(IConfiguration, DbConnection, Dialect)> SqliteAsync()
{
    var path = await BenchData.SyntheticAsync(meetings, actions);
    var settings = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" })
        .Build();
    return (settings, new SqliteConnection($"Data Source={path};Mode=ReadOnly"), Dialect.Sqlite);
}

async Task<(IConfiguration, DbConnection, Dialect)> PostgresAsync(PostgresCluster server)
{
    var connectionString = await PostgresBenchData.SyntheticAsync(server, meetings, actions);
    return (PostgresBenchData.Settings(connectionString), new NpgsqlConnection(connectionString), Dialect.Postgres);
}

static void Execute(DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    command.ExecuteNonQuery();
}

static object Scalar(DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    return command.ExecuteScalar()!;
}

static int Rows(DbConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    using var reader = command.ExecuteReader();
    var count = 0;
    while (reader.Read())
    {
        for (var i = 0; i < reader.FieldCount; i++)
            _ = reader.GetValue(i);
        count++;
    }
    return count;
}

internal sealed record Figure(string Name, string Unit, double Value, double Reference, int Rows, string Note)
{
    public double Ratio => Value / Reference;
}

/// <summary>Where the plain SQL differs between the databases: listing a group's values, the day after a date, and the text search's index
/// (as <see cref="ActionTextSearch"/> reads it: FTS5 on SQLite, a tsvector under the 'simple' configuration on
/// PostgreSQL), the word prefix-matched.</summary>
internal sealed record Dialect(Func<string, string> ListOf, Func<string, string> TextMatches, Func<string, string> DayAfter)
{
    public static readonly Dialect Sqlite = new(
        value => $"group_concat({value}, ', ')",
        word => $"a.\"Id\" IN (SELECT rowid FROM action_search WHERE action_search MATCH '\"{word}\"*')",
        day => $"date({day}, '+1 day')");

    public static readonly Dialect Postgres = new(
        value => $"string_agg({value}, ', ')",
        word => $"a.\"Id\" IN (SELECT action_id FROM action_search WHERE document @@ to_tsquery('simple', '''{word}'':*'))",
        day => $"{day} + 1");
}
