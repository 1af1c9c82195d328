using HoldingToAccount.Core;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class MeetingServiceTests : IAsyncLifetime
{
    private static readonly Actor Secretariat = RegisterBuilder.Secretariat;
    private static readonly Actor Chair = new("John Campion", AccessLevel.Chair);
    private static readonly Actor Officer = new("Anthony Bangham", AccessLevel.Officer);

    private TestDatabase _database = null!;
    private RegisterBuilder _register = null!;
    private MeetingService Meetings => _database.Get<MeetingService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_meeting_added_by_hand_takes_the_series_venue_and_a_title_from_its_month()
    {
        var added = await Meetings.CreateAsync(new NewMeeting(_register.SeriesId, new DateOnly(2017, 3, 28), new TimeOnly(14, 0), Chair: "John Campion"), Secretariat);

        Assert.Equal("Monthly Assurance Meeting March 2017", added.Title);
        Assert.Equal("PCC Conference Room", added.Venue);
        Assert.Equal("John Campion", added.Chair);
        Assert.Equal(MeetingStatus.Planned, added.Status);
    }

    [Fact]
    public async Task The_secretariat_corrects_a_held_meetings_title_venue_and_chair_and_an_empty_one_is_not_recorded()
    {
        var held = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var before = (await Meetings.GetSummaryAsync(held))!;

        await Meetings.UpdateDetailsAsync(held, before.Version, new MeetingDetails("  Thematic: Rural Crime  ", "Hindlip Hall", " "), Secretariat);

        var after = (await Meetings.GetSummaryAsync(held))!;
        Assert.Equal(("Thematic: Rural Crime", "Hindlip Hall", (string?)null), (after.Title, after.Venue, after.Chair));
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task Details_are_refused_without_a_title_when_too_long_from_a_stale_page_or_from_a_chair()
    {
        var id = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var version = (await Meetings.GetSummaryAsync(id))!.Version;

        await Assert.ThrowsAsync<DomainException>(() => Meetings.UpdateDetailsAsync(id, version, new MeetingDetails(" ", null, null), Secretariat));
        var tooLong = await Assert.ThrowsAsync<DomainException>(() =>
            Meetings.UpdateDetailsAsync(id, version, new MeetingDetails("Title", null, new string('x', InputLimits.PersonName + 1)), Secretariat));
        Assert.Contains($"{InputLimits.PersonName} characters", tooLong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StaleEditException>(() => Meetings.UpdateDetailsAsync(id, version + 1, new MeetingDetails("Title", null, null), Secretariat));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.UpdateDetailsAsync(id, version, new MeetingDetails("Title", null, null), Chair));
        Assert.Equal(version, (await Meetings.GetSummaryAsync(id))!.Version);
    }

    [Fact]
    public async Task A_series_cannot_have_two_meetings_on_one_day()
    {
        await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Meetings.CreateAsync(new NewMeeting(_register.SeriesId, new DateOnly(2017, 3, 28), new TimeOnly(10, 30)), Secretariat));
        Assert.Contains("already has a meeting on Tuesday 28 March 2017", ex.Message);
    }

    [Fact]
    public async Task Only_the_secretariat_adds_plans_moves_and_cancels_meetings()
    {
        var id = await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.CreateAsync(new NewMeeting(_register.SeriesId, new DateOnly(2017, 4, 25), new TimeOnly(10, 30)), Chair));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.PlanScheduleAsync(_register.SeriesId, new DateOnly(2017, 2, 1), Officer));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.MoveAsync(id, 1, new DateOnly(2017, 3, 29), Chair));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.CancelAsync(id, 1, Officer));
        Assert.Equal(MeetingStatus.Planned, (await Meetings.GetSummaryAsync(id))!.Status);
    }

    [Fact]
    public async Task Planning_the_year_adds_one_meeting_a_month_on_the_recurrence_and_skips_months_that_have_one()
    {
        await _register.MeetingAsync(new DateOnly(2017, 3, 30), MeetingStatus.Planned);

        var planned = await Meetings.PlanScheduleAsync(_register.SeriesId, new DateOnly(2017, 2, 1), Secretariat);

        Assert.Equal(11, planned);
        var meetings = await Meetings.ListAsync(new DateOnly(2017, 2, 1), new DateOnly(2018, 1, 31));
        Assert.Equal(12, meetings.Count);
        Assert.Contains(meetings, m => m.Date == new DateOnly(2017, 2, 28) && m.StartTime == new TimeOnly(10, 30));
        Assert.DoesNotContain(meetings, m => m.Date == new DateOnly(2017, 3, 28));
        Assert.Equal(0, await Meetings.PlanScheduleAsync(_register.SeriesId, new DateOnly(2017, 2, 1), Secretariat));
    }

    [Fact]
    public async Task A_moved_meeting_keeps_its_actions()
    {
        var jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await _register.ActionAsync(jan, "Burglary minimum standard", "to the February meeting");

        Assert.Single(await Meetings.ActionsFollowingAsync(feb));
        await Meetings.MoveAsync(feb, 1, new DateOnly(2017, 3, 7), Secretariat, new TimeOnly(14, 0));

        var moved = (await Meetings.GetSummaryAsync(feb))!;
        Assert.Equal((new DateOnly(2017, 3, 7), new TimeOnly(14, 0), 2), (moved.Date, moved.StartTime, moved.Version));
        Assert.Equal(["Burglary minimum standard"], await _register.OutstandingAtAsync(feb));
    }

    [Fact]
    public async Task A_cancelled_meeting_passes_its_actions_to_the_next_one()
    {
        var jan = await _register.MeetingAsync(new DateOnly(2017, 1, 31));
        var feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        var mar = await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        await _register.ActionAsync(jan, "Burglary minimum standard", "to the February meeting");

        await Meetings.CancelAsync(feb, 1, Secretariat);

        Assert.Equal(MeetingStatus.Cancelled, (await Meetings.GetSummaryAsync(feb))!.Status);
        Assert.Equal(["Burglary minimum standard"], await _register.OutstandingAtAsync(mar));
        await Assert.ThrowsAsync<DomainException>(() => Meetings.MoveAsync(feb, 2, new DateOnly(2017, 3, 1), Secretariat));
    }

    [Fact]
    public async Task A_stale_move_is_refused_and_changes_nothing()
    {
        var feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await Meetings.MoveAsync(feb, 1, new DateOnly(2017, 3, 7), Secretariat);

        await Assert.ThrowsAsync<StaleEditException>(() => Meetings.MoveAsync(feb, 1, new DateOnly(2017, 3, 14), Secretariat));
        Assert.Equal(new DateOnly(2017, 3, 7), (await Meetings.GetSummaryAsync(feb))!.Date);
    }

    [Fact]
    public async Task Attendance_is_replaced_in_order_with_the_person_kept_and_a_stale_edit_refused()
    {
        var feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await Meetings.SetAttendanceAsync(feb, 1,
        [
            new AttendeeInput("John Campion", "Police and Crime Commissioner (PCC)", Attendance.Present),
            new AttendeeInput("Chris Singer", "T/Deputy Chief Constable (T/DCC)", Attendance.Apologies, PersonId: null),
            new AttendeeInput("  ", null, Attendance.Present),
        ], Secretariat);

        var recorded = await Meetings.AttendanceForEditAsync(feb);
        Assert.Equal(["John Campion", "Chris Singer"], recorded.Select(a => a.Name));
        Assert.Equal(Attendance.Apologies, recorded[1].Attendance);
        var detail = (await Meetings.GetAsync(feb))!;
        Assert.Equal(2, detail.Meeting.Version);

        await Assert.ThrowsAsync<StaleEditException>(() => Meetings.SetAttendanceAsync(feb, 1, [new AttendeeInput("Someone", null, Attendance.Present)], Secretariat));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.SetAttendanceAsync(feb, 2, [], Officer));
        Assert.Equal(2, (await Meetings.AttendanceForEditAsync(feb)).Count);
    }

    [Fact]
    public async Task Agenda_items_are_numbered_within_their_section_and_renumbered_when_moved()
    {
        var feb = await _register.MeetingAsync(new DateOnly(2017, 2, 28), MeetingStatus.Planned);
        await using (var db = await _database.CreateContextAsync())
        {
            db.AgendaSections.AddRange(
                new AgendaSection { SeriesId = _register.SeriesId, Number = "4a", Title = "Performance", Order = 4 },
                new AgendaSection { SeriesId = _register.SeriesId, Number = "4b", Title = "Strategic initiatives", Order = 5 });
            await db.SaveChangesAsync();
        }
        var first = await Meetings.AddAgendaItemAsync(feb, new AgendaItemInput("4a", "Police and crime plan"), Chair);
        var second = await Meetings.AddAgendaItemAsync(feb, new AgendaItemInput("4a", "Confidence"), Secretariat);
        Assert.Equal(("4a.1", "4a.2"), (first.Number, second.Number));

        var moved = await Meetings.UpdateAgendaItemAsync(second.Id, new AgendaItemInput("4b", "Confidence strategy", Deferred: true), Secretariat);
        Assert.Equal("4b.1", moved.Number);
        Assert.True(moved.Deferred);

        await Assert.ThrowsAsync<DomainException>(() => Meetings.AddAgendaItemAsync(feb, new AgendaItemInput("9", "Nowhere"), Secretariat));
        await Assert.ThrowsAsync<DomainException>(() => Meetings.AddAgendaItemAsync(feb, new AgendaItemInput("4a", " "), Secretariat));
        await Assert.ThrowsAsync<ForbiddenException>(() => Meetings.AddAgendaItemAsync(feb, new AgendaItemInput("4a", "Officer item"), Officer));
    }

    [Fact]
    public async Task A_meeting_cannot_be_marked_held_before_its_day()
    {
        var mar = await _register.MeetingAsync(new DateOnly(2017, 3, 28), MeetingStatus.Planned);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Meetings.MarkHeldAsync(mar, 1, Chair));
        Assert.Contains("28 Mar 2017", ex.Message);

        _database.SetToday(new DateOnly(2017, 3, 28));
        await Meetings.MarkHeldAsync(mar, 1, Chair);
        Assert.Equal(MeetingStatus.Held, (await Meetings.GetSummaryAsync(mar))!.Status);
    }
}
