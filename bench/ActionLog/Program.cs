// Times the action-log import of the product's own export of a synthetic register into an empty one:
// dotnet run -c Release -- [actions] [meetings] [runs]. Goals: dry run (read + parse) <= 2 s, commit <= 10 s.
using System.Diagnostics;
using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Import.ActionLog;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var actions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var meetings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
const double dryRunGoal = 2, commitGoal = 10;

var source = await RegisterAsync();
var paths = new List<string> { source.Path };
try
{
    var seeded = await source.Services.GetRequiredService<SyntheticData>().SeedAsync(meetings, actions, randomSeed: 1);
    Console.WriteLine(seeded.Message);
    byte[] log;
    using (var buffer = new MemoryStream())
    {
        await source.Services.GetRequiredService<ActionLogExport>().WriteXlsxAsync(new ActionFilter(), buffer);
        log = buffer.ToArray();
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The log: {actions:N0} rows, {log.Length / 1024.0:N0} KB .xlsx"));

    var dryRuns = new List<double>();
    var commits = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var target = await RegisterAsync();
        paths.Add(target.Path);
        await using (var from = await source.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        await using (var to = await target.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            to.Roles.AddRange((await from.Roles.AsNoTracking().ToListAsync()).Select(r => new Role { Code = r.Code, Title = r.Title }));
            to.Series.Add(new MeetingSeries { Name = "Imported register", Kind = "Monthly assurance", Recurrence = "last Tuesday monthly 10:30" });
            await to.SaveChangesAsync();
        }
        var import = target.Services.GetRequiredService<ActionLogImportService>();

        var watch = Stopwatch.StartNew();
        var draft = import.Parse(ActionLogReader.Read("action-log.xlsx", log));
        dryRuns.Add(watch.Elapsed.TotalSeconds);

        watch.Restart();
        var result = await import.CommitAsync(draft, ActionLogCorrections.None, new Actor("Bench", AccessLevel.Secretariat));
        commits.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run + 1}: dry run {dryRuns[^1]:F2} s, commit {commits[^1]:F2} s — {result.Summary}"));
        await target.Services.DisposeAsync();
    }
    dryRuns.Sort();
    commits.Sort();
    var dryRun = dryRuns[dryRuns.Count / 2];
    var commit = commits[commits.Count / 2];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median of {runs}: dry run {dryRun:F2} s (goal <= {dryRunGoal} s), commit {commit:F2} s (goal <= {commitGoal} s)"));
    return dryRun <= dryRunGoal && commit <= commitGoal ? 0 : 1;
}
finally
{
    await source.Services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var path in paths)
        File.Delete(path);
}

static async Task<(string Path, ServiceProvider Services)> RegisterAsync()
{
    var path = Path.Combine(Path.GetTempPath(), $"hta-bench-{Guid.NewGuid():N}.db");
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" })
        .Build();
    var services = new ServiceCollection().AddLogging().AddCore(configuration).AddExports().BuildServiceProvider();
    await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    await Database.MigrateAsync(db);
    return (path, services);
}
