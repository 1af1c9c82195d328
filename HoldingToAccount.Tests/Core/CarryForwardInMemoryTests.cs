using System.Linq.Expressions;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoldingToAccount.Tests.Core;

/// <summary>
/// The register's rows get their due meeting, times carried and first due point from the carry-forward rule run in
/// memory over the series' meetings; the filters run the same rule in the database. Over a generated register with
/// cancelled and moved meetings, both give every action the same answers.
/// </summary>
[Needs(Need.Database)]
public sealed class CarryForwardInMemoryTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var seeded = await ActivatorUtilities.CreateInstance<SyntheticData>(_db.Services).SeedAsync(meetings: 120, actions: 1_500, randomSeed: 5);
        Assert.True(seeded.Seeded, seeded.Message);
        await using var db = await _db.CreateContextAsync();
        // Cancelled meetings pass their actions on; a moved meeting takes its actions with it (and may now share a day).
        var meetings = await db.Meetings.OrderBy(m => m.Id).ToListAsync();
        foreach (var meeting in meetings.Where((_, i) => i % 9 == 4))
            meeting.Status = MeetingStatus.Cancelled;
        foreach (var (meeting, i) in meetings.Select((m, i) => (m, i)).Where(x => x.i % 13 == 7 && x.i + 1 < meetings.Count))
            meeting.Date = meetings[i + 1].Date;
        await db.SaveChangesAsync();
        // Re-dated actions keep the due point first agreed beside the one now in force.
        var actions = _db.Get<ActionService>();
        foreach (var row in (await actions.SearchAsync(new RegisterQuery(OpenOnly: true), 0, 30)).Items)
            await actions.RedateAsync(row.Reference, row.Version, new DateOnly(2024, 9, 30), "Moved on.", new Actor("Chair", AccessLevel.Chair));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Every_row_has_the_due_meeting_and_times_carried_the_database_gives_it()
    {
        var rows = new List<ActionRow>();
        await foreach (var batch in _db.Get<ActionService>().BatchesAsync(new ActionFilter(), 400))
            rows.AddRange(batch);
        Assert.Equal(1_500, rows.Count);

        await using var db = await _db.CreateContextAsync();
        var tomorrow = new DateOnly(2024, 6, 2);
        var times = await Database(db, CarryForward.TimesCarried(db.Meetings, tomorrow));
        var bound = await Database(db, CarryForward.BoundDueMeetingId(db.Meetings));
        Assert.Contains(rows, r => r.TimesCarried >= 2);
        Assert.Contains(rows, r => r.DueMeeting is not null);
        Assert.All(rows, r =>
        {
            Assert.Equal(times[r.Id], r.TimesCarried);
            Assert.Equal(bound[r.Id], r.DueMeeting?.Id);
        });
    }

    [Fact]
    public async Task Every_first_due_point_binds_to_the_meeting_the_database_binds_it_to()
    {
        var rows = new List<ActionRow>();
        await foreach (var batch in _db.Get<ActionService>().BatchesAsync(new ActionFilter(), 400))
            rows.AddRange(batch);

        await using var db = await _db.CreateContextAsync();
        var firstPeriod = await Database(db, CarryForward.FirstDuePeriodId());
        var periodIds = firstPeriod.Values.OfType<int>().ToList();
        var shape = CarryForward.PeriodBoundDueMeetingId(db.Meetings);
        var withId = Expression.Lambda<Func<ActionPeriod, ActionItem, KeyValuePair<int, int?>>>(
            Expression.New(typeof(KeyValuePair<int, int?>).GetConstructor([typeof(int), typeof(int?)])!,
                Expression.Property(shape.Parameters[0], nameof(ActionPeriod.Id)), shape.Body),
            shape.Parameters);
        var periodBound = (await db.ActionPeriods.Where(p => periodIds.Contains(p.Id))
            .Join(db.Actions, p => p.ActionItemId, a => a.Id, withId).ToListAsync()).ToDictionary();
        var periods = await db.ActionPeriods.Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);

        Assert.Contains(rows, r => r.FirstDue is not null && !r.FirstDue.SamePlaceAs(r.NowDue));
        Assert.All(rows, r =>
        {
            if (firstPeriod[r.Id] is not { } periodId)
            {
                Assert.Null(r.FirstDue);
                return;
            }
            Assert.NotNull(r.FirstDue);
            Assert.Equal(periods[periodId].DueKind, r.FirstDue.Kind);
            Assert.Equal(periods[periodId].DueDate, r.FirstDue.Date);
            Assert.Equal(periodBound[periodId], r.FirstDue.Meeting?.Id);
        });
    }

    [Fact]
    public async Task At_a_held_meeting_the_rows_count_times_carried_as_the_database_counts_them_on_that_day()
    {
        await using var db = await _db.CreateContextAsync();
        var held = await db.Meetings.Where(m => m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published)
            .OrderBy(m => m.Date).ToListAsync();
        var checkedRows = 0;
        foreach (var meeting in held.Where((_, i) => i % 10 == 9))
        {
            var page = await _db.Get<ActionService>().SearchAsync(new RegisterQuery(AtMeetingId: meeting.Id), 0, 500);
            var times = await Database(db, CarryForward.TimesCarried(db.Meetings, meeting.Date));
            Assert.All(page.Items, r => Assert.Equal(times[r.Id], r.TimesCarried));
            checkedRows += page.Items.Count;
        }
        Assert.True(checkedRows > 50, $"only {checkedRows} rows were outstanding at the meetings checked");
    }

    [Fact]
    public async Task The_due_at_filter_of_every_meeting_holds_the_actions_the_database_binds_to_it()
    {
        await using var db = await _db.CreateContextAsync();
        var bound = await Database(db, CarryForward.BoundDueMeetingId(db.Meetings));
        var meetings = await db.Meetings.OrderBy(m => m.Id).ToListAsync();
        foreach (var meeting in meetings)
        {
            var page = await _db.Get<ActionService>().SearchAsync(new RegisterQuery(DueMeetingId: meeting.Id), 0, 500);
            var expected = bound.Where(b => b.Value == meeting.Id).Select(b => b.Key).Order().ToList();
            Assert.Equal(expected, page.Items.Select(r => r.Id).Order().ToList());
            Assert.Equal(expected.Count, page.Total);
        }
        Assert.True(bound.Values.Distinct().Count() > 40, "the actions bind to too few meetings to test the filter");
    }

    [Fact]
    public async Task Each_page_reads_the_meetings_its_rows_need_even_a_due_meeting_before_the_raising_one_or_of_another_series()
    {
        await using (var db = await _db.CreateContextAsync())
        {
            // Imported so: due at a cancelled meeting held before the one that raised the action (its actions pass to the
            // next meeting, also before it), or at a meeting of another series.
            var meetings = await db.Meetings.OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync();
            Assert.True(meetings.Select(m => m.SeriesId).Distinct().Count() > 1, "the register has one series: nothing is elsewhere");
            var latest = await db.Actions.Include(a => a.RaisedAtMeeting).OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence).Take(40).ToListAsync();
            foreach (var (action, i) in latest.Select((a, i) => (a, i)))
            {
                var before = meetings.Where(m => m.SeriesId == action.SeriesId && m.Date < action.RaisedAtMeeting.Date.AddDays(-60)).ToList();
                var target = i % 2 == 0 && before.Count > 2 ? before[^3] : meetings.First(m => m.SeriesId != action.SeriesId);
                if (i % 4 == 0)
                    target.Status = MeetingStatus.Cancelled;
                (action.DueKind, action.DueMeetingId, action.DueDate) = (DueKind.Meeting, target.Id, null);
            }
            await db.SaveChangesAsync();
        }

        var pages = new List<ActionRow>();
        for (var skip = 0; ; skip += 50)
        {
            var page = await _db.Get<ActionService>().SearchAsync(new RegisterQuery(), skip, 50);
            pages.AddRange(page.Items);
            if (page.Items.Count < 50)
                break;
        }
        var whole = new List<ActionRow>();
        await foreach (var batch in _db.Get<ActionService>().BatchesAsync(new ActionFilter(), 5_000))
            whole.AddRange(batch);

        await using var check = await _db.CreateContextAsync();
        var times = await Database(check, CarryForward.TimesCarried(check.Meetings, new DateOnly(2024, 6, 2)));
        var bound = await Database(check, CarryForward.BoundDueMeetingId(check.Meetings));
        var raisedOn = await check.Actions.Select(a => new { a.Id, a.RaisedAtMeeting.Date, DueOn = (DateOnly?)a.DueMeeting!.Date }).ToDictionaryAsync(a => a.Id);
        Assert.Contains(pages, r => r.DueMeeting is not null && raisedOn[r.Id].DueOn < raisedOn[r.Id].Date);
        Assert.Equal(whole.Select(r => r.Id).Order(), pages.Select(r => r.Id).Order());
        var inWhole = whole.ToDictionary(r => r.Id);
        Assert.All(pages, r =>
        {
            Assert.Equal(times[r.Id], r.TimesCarried);
            Assert.Equal(bound[r.Id], r.DueMeeting?.Id);
            Assert.Equal(inWhole[r.Id].FirstDue, r.FirstDue);
            Assert.Equal(inWhole[r.Id].DueMeeting, r.DueMeeting);
        });
    }

    private static async Task<Dictionary<int, T>> Database<T>(HoldingToAccount.Core.Data.AppDbContext db, Expression<Func<ActionItem, T>> part) =>
        (await db.Actions.Select(CarryForward.WithId(part)).ToListAsync()).ToDictionary();
}
