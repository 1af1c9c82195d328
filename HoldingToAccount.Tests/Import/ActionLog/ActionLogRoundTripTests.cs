using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Import.ActionLog;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Import.ActionLog;

/// <summary>
/// The product's own action-log export, imported into an empty register, gives back the same register: references,
/// wording, owners, statuses, due meetings, latest updates and closing dates.
/// </summary>
[Needs(Need.Database)]
public sealed class ActionLogRoundTripTests
{
    private static readonly DateTimeOffset _demoNow = new(2017, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _syntheticNow = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>What a reader of the register sees of each action, in reference order.</summary>
    private static async Task<List<string>> RegisterAsync(TestDatabase database)
    {
        var page = await database.Get<ActionService>().FindAsync(new ActionFilter(), 0, 100_000);
        return page.Items.OrderBy(a => a.Year).ThenBy(a => a.Sequence).Select(a => string.Join(" | ",
            a.Reference, a.Text, string.Join("/", a.Owners), a.Status, ExportText.DueOn(a), a.LatestUpdate?.Text, a.ClosedOn)).ToList();
    }

    private static async Task<byte[]> ExportAsync(TestDatabase database, string extension, int seriesId)
    {
        var export = ActivatorUtilities.GetServiceOrCreateInstance<ActionLogExport>(database.Services);
        using var buffer = new MemoryStream();
        if (extension == ".xlsx")
            await export.WriteXlsxAsync(new ActionFilter(SeriesId: seriesId), buffer);
        else
            await export.WriteCsvAsync(new ActionFilter(SeriesId: seriesId), buffer);
        return buffer.ToArray();
    }

    /// <summary>An empty register with the source's roles and series (names and recurrence only: no meetings).</summary>
    private static async Task<(TestDatabase Target, List<(int From, int To)> Series)> EmptyRegisterLikeAsync(TestDatabase source, DateTimeOffset now)
    {
        var target = await TestDatabase.CreateAsync(now);
        await using var from = await source.CreateContextAsync();
        await using var to = await target.CreateContextAsync();
        to.Roles.AddRange((await from.Roles.AsNoTracking().ToListAsync()).Select(r => new Role { Code = r.Code, Title = r.Title }));
        var series = await from.Series.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        var copies = series.Select(s => new MeetingSeries { Name = s.Name, Kind = s.Kind, Recurrence = s.Recurrence, DefaultVenue = s.DefaultVenue }).ToList();
        to.Series.AddRange(copies);
        await to.SaveChangesAsync();
        return (target, series.Zip(copies, (a, b) => (a.Id, b.Id)).ToList());
    }

    /// <summary>Each series' log, exported from the source and imported into the same series of the target; the totals.</summary>
    private static async Task<(int Created, int Unchanged, int Meetings)> RoundTripAsync(TestDatabase source, TestDatabase target, List<(int From, int To)> series, string extension)
    {
        var import = target.Get<ActionLogImportService>();
        int created = 0, unchanged = 0, meetings = 0;
        foreach (var (from, to) in series)
        {
            var draft = import.Parse(ActionLogReader.Read("action-log" + extension, await ExportAsync(source, extension, from)));
            if (draft.Actions.Count == 0)
                continue;
            var result = await import.CommitAsync(draft, new ActionLogCorrections(to), RegisterBuilder.Secretariat);
            (created, unchanged, meetings) = (created + result.Created, unchanged + result.Unchanged, meetings + result.MeetingsCreated);
        }
        return (created, unchanged, meetings);
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".csv")]
    public async Task The_demo_registers_export_imports_back_into_an_empty_register_unchanged(string extension)
    {
        await using var source = await TestDatabase.CreateAsync(_demoNow);
        Assert.True((await source.Get<DemoData>().SeedAsync()).Seeded);
        var (target, series) = await EmptyRegisterLikeAsync(source, _demoNow);
        await using var owned = target;

        var (created, _, _) = await RoundTripAsync(source, target, series, extension);

        var expected = await RegisterAsync(source);
        Assert.Equal(expected.Count, created);
        Assert.Equal(expected, await RegisterAsync(target));
    }

    [Fact]
    public async Task Five_thousand_synthetic_actions_export_and_import_back_unchanged_and_a_second_import_changes_nothing()
    {
        await using var source = await TestDatabase.CreateAsync(_syntheticNow);
        Assert.True((await source.Get<SyntheticData>().SeedAsync(meetings: 300, actions: 5_000, randomSeed: 23)).Seeded);
        var (target, series) = await EmptyRegisterLikeAsync(source, _syntheticNow);
        await using var owned = target;

        var (created, _, _) = await RoundTripAsync(source, target, series, ".xlsx");

        Assert.Equal(5_000, created);
        var expected = await RegisterAsync(source);
        var imported = await RegisterAsync(target);
        var firstDifference = expected.Zip(imported).FirstOrDefault(pair => pair.First != pair.Second);
        Assert.Equal(firstDifference.First, firstDifference.Second);
        Assert.Equal(expected, imported);

        var again = await RoundTripAsync(source, target, series, ".xlsx");
        Assert.Equal((0, 5_000, 0), again);
    }
}
