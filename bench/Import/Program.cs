// Times reading and parsing the three seed notes (goal: <= 100 ms each):
//   dotnet run -c Release --project bench/Import -- [notes folder] [iterations]
// The folder defaults to HoldingToAccount.Tests/TestData/Notes/seeds in this repository.
using System.Diagnostics;
using System.Globalization;
using HoldingToAccount.Core.Import;

var folder = args.Length > 0 ? args[0] : FindSeeds();
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var files = Directory.GetFiles(folder).Where(f => NotesReader.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"No notes in {folder}.");
    return 1;
}

Console.WriteLine($"Read + parse (NotesReader.Read from bytes, then NotesParser.Parse), {iterations} runs each after 20 warm-up runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"{"file",-28} {"bytes",8} {"actions",7} {"first ms",9} {"median ms",10} {"p95 ms",8} {"max ms",8}");
var worst = 0.0;
foreach (var file in files)
{
    var name = Path.GetFileName(file);
    var bytes = await File.ReadAllBytesAsync(file);
    var first = Stopwatch.StartNew();
    var draft = NotesParser.Parse(NotesReader.Read(name, bytes));
    var firstMs = first.Elapsed.TotalMilliseconds;
    for (var i = 0; i < 20; i++)
        NotesParser.Parse(NotesReader.Read(name, bytes));
    var times = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        NotesParser.Parse(NotesReader.Read(name, bytes));
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    var median = times[iterations / 2];
    var p95 = times[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)];
    worst = Math.Max(worst, times[^1]);
    Console.WriteLine($"{name,-28} {bytes.Length,8} {draft.Actions.Count,7} {firstMs,9:F2} {median,10:F3} {p95,8:F3} {times[^1],8:F3}");
}
Console.WriteLine(worst <= 100 ? "Every run was within the 100 ms goal." : $"The slowest run took {worst:F1} ms: over the 100 ms goal.");
return worst <= 100 ? 0 : 1;

static string FindSeeds()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var seeds = Path.Combine(dir.FullName, "HoldingToAccount.Tests", "TestData", "Notes", "seeds");
        if (Directory.Exists(seeds))
            return seeds;
    }
    throw new DirectoryNotFoundException("HoldingToAccount.Tests/TestData/Notes/seeds was not found above the bench; pass the folder.");
}
