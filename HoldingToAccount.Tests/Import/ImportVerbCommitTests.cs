using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Import;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Import;

/// <summary><c>import FILE</c> without --dry-run: commits as the product, into the named series, refusing duplicates unless --update.</summary>
[Needs(Need.Database)]
[Collection(nameof(ConsoleCapture))]
public sealed class ImportVerbCommitTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 11, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
        await using var db = await _db.CreateContextAsync();
        db.Series.Add(new HoldingToAccount.Core.Meetings.MeetingSeries { Name = "Accountability Board", Kind = "Board" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Commits_into_the_first_series_and_prints_what_it_created()
    {
        var (code, output, error) = await RunAsync(Seed);

        Assert.True(code == 0, error);
        Assert.Contains("Imported Monthly Assurance Meeting January 2017", output, StringComparison.Ordinal);
        Assert.Contains("2017/01", output, StringComparison.Ordinal);
        Assert.Contains("3 actions raised", output, StringComparison.Ordinal);
        await using var db = await _db.CreateContextAsync();
        var meeting = await db.Meetings.SingleAsync();
        Assert.Equal(_register.SeriesId, meeting.SeriesId);
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Who == "import");
    }

    [Fact]
    public async Task Refuses_the_same_notes_again_unless_update()
    {
        Assert.Equal(0, (await RunAsync(Seed)).Code);

        var again = await RunAsync(Seed);
        Assert.Equal(1, again.Code);
        Assert.Contains("imported before", again.Error, StringComparison.Ordinal);
        Assert.Contains("--update", again.Error, StringComparison.Ordinal);
        Assert.Empty(again.Output);

        var update = await RunAsync(Seed, "--update", "--json");
        Assert.Equal(0, update.Code);
        using var json = System.Text.Json.JsonDocument.Parse(update.Output);
        Assert.True(json.RootElement.GetProperty("updated").GetBoolean());
        await using var db = await _db.CreateContextAsync();
        Assert.Equal(1, await db.Meetings.CountAsync());
        Assert.Equal(3, await db.Actions.CountAsync());
    }

    [Fact]
    public async Task Commits_into_the_series_named_and_takes_the_date_the_notes_lack()
    {
        var (code, output, error) = await RunAsync(NotesTestFiles.PathOf("seeds", "001_09e0fd574892be37.txt"),
            "--series", "accountability board", "--date", "2017-03-28", "--time", "10:30");

        Assert.True(code == 0, error);
        Assert.Contains("into Accountability Board", output, StringComparison.Ordinal);
        await using var db = await _db.CreateContextAsync();
        Assert.Equal(new DateOnly(2017, 3, 28), (await db.Meetings.Include(m => m.Series).SingleAsync(m => m.Series.Name == "Accountability Board")).Date);
    }

    [Fact]
    public async Task An_unknown_series_or_unknown_owner_is_refused_with_the_reason_and_writes_nothing()
    {
        var series = await RunAsync(Seed, "--series", "No Such Board");
        Assert.Equal(1, series.Code);
        Assert.Contains("no meeting series called \"No Such Board\"", series.Error, StringComparison.Ordinal);

        var owner = await RunAsync(NotesTestFiles.PathOf("variety", "v08_deferred_and_numbered_list.txt"));
        Assert.Equal(1, owner.Code);
        Assert.Contains("“ALL” is not a role", owner.Error, StringComparison.Ordinal);

        await using var db = await _db.CreateContextAsync();
        Assert.Equal(0, await db.Meetings.CountAsync());
        Assert.Equal(0, await db.Actions.CountAsync());
    }

    private static string Seed => NotesTestFiles.PathOf("seeds", "000_99665aecc8bf7cf6.txt");

    private Task<CommandLineRun> RunAsync(params string[] args) => CommandLineRun.RunAsync(new WithImport(_db), ["import", .. args]);

    /// <summary>Core's services with <see cref="ImportService"/>, whether or not AddCore registers it yet.</summary>
    private sealed class WithImport(TestDatabase db) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ImportService)
            ? db.Services.GetService(serviceType) ?? new ImportService(db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>(), db.Clock)
            : db.Services.GetService(serviceType);
    }
}
