// The register and its exports at volume, each next to the plain SQL that returns the same rows, in the same process
// on the same file: dotnet run -c Release -- [actions] [meetings] [results.json]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var actions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var meetings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
var output = args.Length > 2 ? args[2] : null;
var runs = Environment.GetEnvironmentVariable("HTA_BENCH_RUNS") is { Length: > 0 } r ? int.Parse(r, CultureInfo.InvariantCulture) : actions >= 10_000 ? 40 : 5;

var path = await BenchData.SyntheticAsync(meetings, actions);
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" })
    .Build();
await using var services = new ServiceCollection().AddLogging().AddCore(configuration).AddExports().BuildServiceProvider();
var register = services.GetRequiredService<ActionService>();
await using var plain = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
await plain.OpenAsync();

var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
// The next meeting of the first series (the latest, in a small register that has none planned).
var nextMeeting = Scalar<long>(plain, $"""
    SELECT COALESCE((SELECT Id FROM Meetings WHERE SeriesId = 1 AND Status = 'Planned' AND Date >= '{today}' ORDER BY Date LIMIT 1),
        (SELECT Id FROM Meetings WHERE SeriesId = 1 ORDER BY Date DESC LIMIT 1))
    """);
var results = new List<Figure>();

// The plain query: the page's rows with owners and latest update, and the total, straight from the stored columns.
const string rowSql = """
    SELECT a.Id, a.Year, a.Sequence, a.Text, a.Status, m.Date, m.Title,
        (SELECT group_concat(r.Code, ', ') FROM ActionOwners o JOIN Roles r ON r.Id = o.OwnersId WHERE o.ActionItemId = a.Id),
        (SELECT u.Text FROM ActionUpdates u WHERE u.ActionItemId = a.Id ORDER BY u.Date DESC, u.Id DESC LIMIT 1)
    FROM ActionItems a JOIN Meetings m ON m.Id = a.RaisedAtMeetingId
    """;
var open = "a.Status IN ('Open', 'UpdateProvided', 'ProposedComplete')";
// A case may first work out a set once (into a temporary table), as the app does, rather than once per statement.
var cases = new (string Name, RegisterQuery Query, string Where, string? Prepare)[]
{
    ("none", new RegisterQuery(), "1 = 1", null),
    ("open", new RegisterQuery(OpenOnly: true), open, null),
    ("owner CC", new RegisterQuery(Owner: "CC"), "EXISTS (SELECT 1 FROM ActionOwners o JOIN Roles r ON r.Id = o.OwnersId WHERE o.ActionItemId = a.Id AND r.Code = 'CC')", null),
    ("series", new RegisterQuery(SeriesId: 2), "a.SeriesId = 2", null),
    ("text", new RegisterQuery(Text: "strategy"), "a.Id IN (SELECT rowid FROM action_search WHERE action_search MATCH '\"strategy\"*')", null),
    ("raised from/to", new RegisterQuery(RaisedFrom: new DateOnly(2018, 1, 1), RaisedTo: new DateOnly(2019, 12, 31)), "m.Date BETWEEN '2018-01-01' AND '2019-12-31'", null),
    ("due at meeting", new RegisterQuery(DueMeetingId: (int)nextMeeting), $"{open} AND a.DueMeetingId = {nextMeeting}", null),
    ("overdue", new RegisterQuery(OverdueOnly: true), $"{open} AND (a.DueDate < '{today}' OR a.DueMeetingId IN (SELECT Id FROM Meetings WHERE Date < '{today}'))", null),
    ("carried ≥ 2", new RegisterQuery(MinTimesCarried: 2), "a.Id IN (SELECT ActionItemId FROM temp.carried)",
        $"DROP TABLE IF EXISTS temp.carried; CREATE TEMP TABLE carried AS {TimesCarriedSql(tomorrow)} HAVING count(*) >= 2"),
};
// HTA_BENCH_ONLY=export (or a case's name, "due at meeting") runs only the figures whose name holds it.
var only = Environment.GetEnvironmentVariable("HTA_BENCH_ONLY") is { Length: > 0 } o ? o : null;
bool Wanted(string name) => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
foreach (var (name, query, where, prepare) in cases.Where(c => Wanted($"register page, {c.Name}")))
{
    Page<ActionRow>? page = null;
    var plainTotal = 0L;
    var app = await Time(runs, async () => page = await register.SearchAsync(query, 0, 50));
    var reference = await Time(runs, () =>
    {
        if (prepare is not null)
            Execute(plain, prepare);
        plainTotal = Scalar<long>(plain, $"SELECT count(*) FROM ActionItems a JOIN Meetings m ON m.Id = a.RaisedAtMeetingId WHERE {where}");
        Rows(plain, $"{rowSql} WHERE {where} ORDER BY a.Year DESC, a.Sequence DESC LIMIT 50");
        return Task.CompletedTask;
    });
    results.Add(new Figure($"register page, {name}", "p95 ms", app.P95, reference.P95, page!.Total,
        $"p50 {app.P50:F1} ms, plain p50 {reference.P50:F1} ms" + (plainTotal == page.Total ? "" : $"; the plain query finds {plainTotal:N0}")));
    Print(results[^1]);
}

if (Wanted("export"))
    await ExportsAsync();

if (output is not null)
    await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));

async Task ExportsAsync()
{
    var export = services.GetRequiredService<ActionLogExport>();
    var plainExport = await Time(3, () => { Rows(plain, $"{rowSql} ORDER BY a.Year DESC, a.Sequence DESC"); return Task.CompletedTask; });
    // The rows an export writes, read and not written: how much of an export's time is the register's, how much the writer's.
    var read = 0;
    var reading = await Time(3, async () =>
    {
        read = 0;
        await foreach (var batch in register.BatchesAsync(new ActionFilter(), ActionLogExport.BatchSize))
            read += batch.Count;
    });
    results.Add(new Figure("export rows read, not written", "median ms", reading.P50, plainExport.P50, read, $"batches of {ActionLogExport.BatchSize}"));
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
            results.Add(new Figure($"export {name}, all rows", "median ms", time.P50, plainExport.P50, actions,
                $"{new FileInfo(file).Length / 1048576.0:F1} MiB; managed heap peak +{(peak - heapBefore) / 1048576.0:F0} MiB"));
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
static string TimesCarriedSql(string before) => $"""
    SELECT b.ActionItemId FROM (
        SELECT p.ActionItemId, p."From", p.Until, a.SeriesId, a.ClosedOn, r.Date AS RaisedOn,
            CASE p.DueKind WHEN 'Meeting' THEN (SELECT d.Date FROM Meetings d WHERE d.Id = p.DueMeetingId)
                WHEN 'Date' THEN p.DueDate WHEN 'NextMeeting' THEN date(r.Date, '+1 day') END AS FirstDue
        FROM (SELECT ActionItemId, "From", Status, DueKind, DueMeetingId, DueDate,
                LEAD("From") OVER (PARTITION BY ActionItemId ORDER BY Id) AS Until FROM ActionPeriods) p
        JOIN ActionItems a ON a.Id = p.ActionItemId JOIN Meetings r ON r.Id = a.RaisedAtMeetingId
        WHERE p.Status NOT IN ('Closed', 'Cancelled')) b
    JOIN Meetings m ON m.SeriesId = b.SeriesId AND m.Date > b."From" AND m.Date > b.RaisedOn AND m.Date >= b.FirstDue
        AND (b.Until IS NULL OR m.Date <= b.Until) AND m.Date < '{before}' AND (b.ClosedOn IS NULL OR m.Date <= b.ClosedOn)
    WHERE m.Status IN ('Held', 'Published')
        AND NOT EXISTS (SELECT 1 FROM (SELECT q.Status FROM ActionPeriods q WHERE q.ActionItemId = b.ActionItemId
            AND q."From" = m.Date AND b.Until = m.Date ORDER BY q.Id DESC LIMIT 1) z WHERE z.Status IN ('Closed', 'Cancelled'))
    GROUP BY b.ActionItemId
    """;

static void Print(Figure f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{f.Name,-32} {f.Value,9:F1} {f.Unit,-9} plain {f.Reference,8:F1}  ratio {f.Ratio,5:F2}  rows {f.Rows,7:N0}  {f.Note}"));

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

static T Scalar<T>(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return (T)command.ExecuteScalar()!;
}

static void Execute(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static int Rows(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
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
