using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Export;

/// <summary>The demo register in a SQLite file of its own (clock on 1 February 2017), with the export services made over it.</summary>
public sealed class ExportRegister : IAsyncDisposable
{
    public static readonly DateOnly Jan2017 = new(2017, 1, 31), Feb2017 = new(2017, 2, 28), Apr2017 = new(2017, 4, 25);

    private ExportRegister(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public NotesExport Notes => ActivatorUtilities.GetServiceOrCreateInstance<NotesExport>(Database.Services);
    public ActionLogExport ActionLog => ActivatorUtilities.GetServiceOrCreateInstance<ActionLogExport>(Database.Services);
    public CalendarFeeds Calendars => ActivatorUtilities.GetServiceOrCreateInstance<CalendarFeeds>(Database.Services);
    public MeetingService Meetings => Database.Get<MeetingService>();
    public ActionService Actions => Database.Get<ActionService>();

    public static async Task<ExportRegister> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var seeded = await database.Get<DemoData>().SeedAsync();
        Assert.True(seeded.Seeded, seeded.Message);
        return new ExportRegister(database);
    }

    public async Task<MeetingSummary> MeetingOnAsync(DateOnly date) => Assert.Single(await Meetings.ListAsync(date, date));

    /// <summary>Marks an agenda item of a meeting restricted (operationally sensitive).</summary>
    public async Task RestrictAsync(int meetingId, string itemNumber)
    {
        await using var db = await Database.CreateContextAsync();
        var changed = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Number == itemNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Restricted, true));
        Assert.Equal(1, changed);
    }

    public async Task SetItemTextAsync(int meetingId, string itemNumber, string title, string findings)
    {
        await using var db = await Database.CreateContextAsync();
        var changed = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Number == itemNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, title).SetProperty(i => i.Findings, findings));
        Assert.Equal(1, changed);
    }

    public async Task<MeetingNotes> NotesAsync(DateOnly date, NotesVariant variant = NotesVariant.Full) =>
        await Notes.LoadAsync((await MeetingOnAsync(date)).Id, variant) ?? throw new InvalidOperationException("no notes");

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
