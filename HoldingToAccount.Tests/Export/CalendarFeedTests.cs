using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Export;
using HoldingToAccount.Core.Meetings;
using Ical.Net.CalendarComponents;
using ICalendar = Ical.Net.Calendar;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Export;

[Needs(Need.Database)]
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private static readonly Actor Secretariat = new("x", AccessLevel.Secretariat);
    private ExportRegister _register = null!;

    public async Task InitializeAsync() => _register = await ExportRegister.CreateAsync();

    public async Task DisposeAsync() => await _register.DisposeAsync();

    private async Task<ICalendar> SeriesAsync(int seriesId)
    {
        var text = await _register.Calendars.SeriesFeedAsync(seriesId);
        Assert.NotNull(text);
        return ICalendar.Load(text) ?? throw new InvalidOperationException("unparsable feed");
    }

    private MeetingCalendar Calendar => _register.Database.Get<MeetingCalendar>();

    private CalendarEvent EventFor(ICalendar calendar, int meetingId) =>
        Assert.Single(calendar.Events, e => e.Uid == Calendar.MeetingUid(meetingId));

    [Fact]
    public async Task The_series_feed_has_every_meeting_with_a_stable_uid_in_london_time()
    {
        var january = await _register.MeetingOnAsync(ExportRegister.Jan2017);
        var meetings = await _register.Meetings.ListAsync();

        var first = await SeriesAsync(january.SeriesId);
        var second = await SeriesAsync(january.SeriesId);

        var uids = first.Events.Select(e => e.Uid).ToList();
        Assert.Equal(meetings.Where(m => m.SeriesId == january.SeriesId).Select(m => Calendar.MeetingUid(m.Id)).Order(), uids.Order());
        Assert.Equal(uids, second.Events.Select(e => e.Uid));
        var jan = EventFor(first, january.Id);
        Assert.Equal("Europe/London", jan.DtStart!.TzId);
        Assert.Equal(new DateTime(2017, 1, 31, 10, 30, 0), jan.DtStart.Value);
        Assert.Equal(new DateTime(2017, 1, 31, 10, 30, 0), jan.DtStart.AsUtc); // GMT in January
        Assert.Equal("PCC Conference Room – Hindlip", jan.Location);
        Assert.Equal("CONFIRMED", jan.Status);
        Assert.Equal(new Uri($"{PublicLinkOptions.DefaultBaseUrl}/meetings/{january.Id}"), jan.Url);
        Assert.Contains(first.TimeZones, z => z.TzId == "Europe/London");
        var july = EventFor(first, (await _register.MeetingOnAsync(new DateOnly(2017, 7, 25))).Id);
        Assert.Equal(new DateTime(2017, 7, 25, 9, 30, 0), july.DtStart!.AsUtc); // British Summer Time
    }

    [Fact]
    public async Task Moving_a_meeting_raises_its_sequence_and_keeps_its_uid()
    {
        var april = await _register.MeetingOnAsync(ExportRegister.Apr2017);
        var before = EventFor(await SeriesAsync(april.SeriesId), april.Id);

        await _register.Meetings.MoveAsync(april.Id, april.Version, new DateOnly(2017, 4, 27), Secretariat, new TimeOnly(14, 0));
        var after = EventFor(await SeriesAsync(april.SeriesId), april.Id);

        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal(new DateTime(2017, 4, 27, 14, 0, 0), after.DtStart!.Value);
        Assert.Equal("Europe/London", after.DtStart.TzId);
    }

    [Fact]
    public async Task A_cancelled_meeting_stays_in_the_feed_as_cancelled()
    {
        var april = await _register.MeetingOnAsync(ExportRegister.Apr2017);
        await _register.Meetings.CancelAsync(april.Id, april.Version, Secretariat);

        var cancelled = EventFor(await SeriesAsync(april.SeriesId), april.Id);

        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.StartsWith("Cancelled:", cancelled.Summary, StringComparison.Ordinal);
        var text = await _register.Calendars.SeriesFeedAsync(april.SeriesId);
        Assert.Contains("STATUS:CANCELLED", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_feed_has_their_meetings_and_the_days_their_actions_are_due()
    {
        var people = _register.Database.Get<HoldingToAccount.Core.People.PeopleService>();
        var chiefConstable = await people.FindPersonAsync("anthony.bangham@example.org") ?? throw new InvalidOperationException("no CC");
        var january = await _register.MeetingOnAsync(ExportRegister.Jan2017);
        var february = await _register.MeetingOnAsync(ExportRegister.Feb2017);

        var text = await _register.Calendars.PersonFeedAsync(chiefConstable.Id);
        var calendar = ICalendar.Load(text!)!;

        Assert.Contains(calendar.Events, e => e.Uid == Calendar.MeetingUid(january.Id)); // attended
        Assert.Contains(calendar.Events, e => e.Uid == Calendar.MeetingUid(february.Id)); // owns actions in the series
        var owned = await _register.Actions.OwnedByAsync(new Actor("cc", AccessLevel.Officer, chiefConstable.Id));
        var dueOnFebruary = owned.Where(a => a.DueMeeting?.Date == ExportRegister.Feb2017).ToList();
        Assert.Equal(2, dueOnFebruary.Count);
        foreach (var action in dueOnFebruary)
        {
            var due = Assert.Single(calendar.Events, e => e.Uid == Calendar.ActionUid(action.Id));
            Assert.True(due.IsAllDay);
            Assert.Equal(ExportRegister.Feb2017, due.DtStart!.Date);
            Assert.StartsWith($"Action {action.Reference} due:", due.Summary, StringComparison.Ordinal);
        }
        Assert.Null(await _register.Calendars.PersonFeedAsync(999_999));
        Assert.Null(await _register.Calendars.SeriesFeedAsync(999_999));
    }
}
