// Times the action log export of a large synthetic register: dotnet run -c Release -- [actions] [meetings]
using System.Diagnostics;
using System.Globalization;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var actions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var meetings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
var path = Path.Combine(Path.GetTempPath(), $"hta-bench-{Guid.NewGuid():N}.db");
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" })
    .Build();
var services = new ServiceCollection().AddLogging().AddCore(configuration).AddExports().BuildServiceProvider();
try
{
    await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        await Database.MigrateAsync(db);
    var seeding = Stopwatch.StartNew();
    var seeded = await services.GetRequiredService<SyntheticData>().SeedAsync(meetings, actions, randomSeed: 1);
    Console.WriteLine($"{seeded.Message} ({seeding.Elapsed.TotalSeconds:F1} s)");

    // The register page: the first 50 rows of the register as people filter it, five times each (median).
    var register = services.GetRequiredService<ActionService>();
    foreach (var (name, filter) in new (string, ActionFilter)[]
    {
        ("register, no filter", new ActionFilter()),
        ("register, open only", new ActionFilter(OpenOnly: true)),
        ("register, owner CC", new ActionFilter(Owner: "CC")),
        ("register, text \"strategy\"", new ActionFilter(Text: "strategy")),
    })
    {
        var times = new List<double>();
        Page<ActionRow>? page = null;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            page = await register.FindAsync(filter, 0, 50);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: first page of {page!.Total:N0} in median {times[2]:F0} ms (min {times[0]:F0}, max {times[4]:F0})"));
    }

    var export = services.GetRequiredService<ActionLogExport>();
    foreach (var (name, write) in new (string, Func<Stream, Task>)[]
    {
        ("xlsx", s => export.WriteXlsxAsync(new ActionFilter(), s)),
        ("csv", s => export.WriteCsvAsync(new ActionFilter(), s)),
    })
    {
        var file = Path.Combine(Path.GetTempPath(), $"hta-bench-{Guid.NewGuid():N}.{name}");
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        using var sampler = new Timer(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)), null, 0, 20);
        var watch = Stopwatch.StartNew();
        await using (var stream = File.Create(file))
            await write(stream);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {actions:N0} rows in {watch.Elapsed.TotalSeconds:F1} s, {new FileInfo(file).Length / 1048576.0:F1} MiB, managed heap peak +{(peak - heapBefore) / 1048576.0:F0} MiB"));
        File.Delete(file);
    }
}
finally
{
    await services.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
        File.Delete(path + suffix);
}
