using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using HoldingToAccount.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Tests.Core;

/// <summary>The demo register, loaded into a real SQLite file with the clock on 1 February 2017.</summary>
[Needs(Need.Database)]
public sealed class DemoDataTests : IAsyncLifetime
{
    private static readonly DateOnly June2016 = new(2016, 6, 28), Jan2017 = new(2017, 1, 31), Feb2017 = new(2017, 2, 28),
        Mar2017 = new(2017, 3, 28), Jul2017 = new(2017, 7, 25);

    private TestDatabase _db = null!;
    private SeedResult _seeded = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        _seeded = await _db.Get<DemoData>().SeedAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();
    private MeetingService Meetings => _db.Get<MeetingService>();

    private async Task<MeetingSummary> MeetingOnAsync(DateOnly date) =>
        Assert.Single(await Meetings.ListAsync(date, date));

    [Fact]
    public async Task Seeding_an_empty_database_loads_the_register_and_plans_the_year_ahead()
    {
        Assert.True(_seeded.Seeded, _seeded.Message);
        var meetings = await Meetings.ListAsync();
        Assert.Contains(meetings, m => m.Date == new DateOnly(2016, 5, 31) && m.Status == MeetingStatus.Held);
        Assert.Contains(meetings, m => m.Date == new DateOnly(2016, 12, 20) && m.Status == MeetingStatus.Held);
        Assert.Contains(meetings, m => m.Date == new DateOnly(2017, 4, 25) && m.Status == MeetingStatus.Planned);
        Assert.Contains(meetings, m => m.Date == new DateOnly(2017, 5, 30) && m.Status == MeetingStatus.Planned);
        Assert.Contains(meetings, m => m.Date == new DateOnly(2018, 1, 30) && m.Status == MeetingStatus.Planned);
        Assert.Equal(Feb2017, (await Meetings.NextAsync())?.Date);
        Assert.All(meetings, m => Assert.Equal("PCC Conference Room – Hindlip", m.Venue));
    }

    [Fact]
    public async Task The_February_2017_meeting_brings_forward_exactly_the_two_domestic_burglary_actions_owned_by_the_CC()
    {
        var outstanding = await Actions.OutstandingAtAsync((await MeetingOnAsync(Feb2017)).Id);

        Assert.Equal(2, outstanding.Count);
        Assert.All(outstanding, a =>
        {
            Assert.Equal(["CC"], a.Owners);
            Assert.Equal(Jan2017, a.RaisedAt.Date);
            Assert.Equal("4a.1", a.ItemNumber);
            Assert.Equal("Building a more secure West Mercia – Domestic Burglary", a.ItemTitle);
            Assert.Equal(DueKind.Meeting, a.DueKind);
            Assert.Equal(Feb2017, a.DueMeeting?.Date);
            Assert.Equal("to be brought back to the February meeting", a.DuePhrase);
        });
        Assert.StartsWith("The ACC for Local Policing to articulate what the minimum standard of service is for domestic burglary", outstanding[0].Text);
        Assert.Equal("An update on domestic burglary in North Worcestershire.", outstanding[1].Text);
        Assert.Equal(["2017/01", "2017/02"], outstanding.Select(a => a.Reference));
    }

    [Fact]
    public async Task The_July_2017_meeting_brings_forward_the_JPP_action_with_its_January_2017_update_as_the_latest()
    {
        var outstanding = await Actions.OutstandingAtAsync((await MeetingOnAsync(Jul2017)).Id);

        var jpp = Assert.Single(outstanding, a => a.Text.Contains("JPP", StringComparison.Ordinal));
        Assert.Equal("An update on JPP to be brought forward to the holding to account meeting in July 2017.", jpp.Text);
        Assert.Equal(["CC"], jpp.Owners);
        Assert.Equal(new DateOnly(2016, 12, 20), jpp.RaisedAt.Date);
        Assert.StartsWith("2016/", jpp.Reference, StringComparison.Ordinal);
        Assert.Equal(DueKind.Meeting, jpp.DueKind);
        Assert.Equal(Jul2017, jpp.DueMeeting?.Date);
        Assert.Equal(ActionStatus.UpdateProvided, jpp.Status);
        Assert.Equal(Jan2017, jpp.LatestUpdate?.Date);
        Assert.StartsWith("The JPP pilot in South Worcestershire has not progressed as well as intended", jpp.LatestUpdate?.Text);
        Assert.Equal(DemoData.Author, jpp.LatestUpdate?.Author);
    }

    [Fact]
    public async Task The_action_for_a_future_weekly_meeting_has_no_date_and_needs_a_due_point()
    {
        var page = await Actions.FindAsync(new ActionFilter(Text: "future weekly meeting"));

        var action = Assert.Single(page.Items);
        Assert.Equal("PCC / CC to discuss at a future weekly meeting.", action.Text);
        Assert.Equal(["CC", "PCC"], action.Owners);
        Assert.Equal(Mar2017, action.RaisedAt.Date);
        Assert.True(action.NeedsDuePoint);
        Assert.Equal(DueKind.None, action.DueKind);
        Assert.Equal("at a future weekly meeting", action.DuePhrase);
        Assert.Null(action.DueDate);
        Assert.Null(action.DueMeeting);
        Assert.DoesNotContain(await Actions.OutstandingAtAsync((await MeetingOnAsync(Jul2017)).Id), a => a.Id == action.Id);
    }

    [Fact]
    public async Task The_March_2017_sickness_action_keeps_its_wording_and_is_due_at_the_next_meeting()
    {
        var action = Assert.Single((await Actions.FindAsync(new ActionFilter(Text: "sickness levels following PMG"))).Items);

        Assert.Equal("PCC to review sickness levels following PMG.", action.Text);
        Assert.Equal(["PCC"], action.Owners);
        Assert.Equal(DueKind.NextMeeting, action.DueKind);
        Assert.Equal("next meeting", action.DuePhrase);
        Assert.Equal(new DateOnly(2017, 4, 25), action.DueMeeting?.Date);
        Assert.Contains(await Actions.OutstandingAtAsync((await MeetingOnAsync(new DateOnly(2017, 4, 25))).Id), a => a.Id == action.Id);
    }

    [Fact]
    public async Task The_communications_strategy_revisit_falls_due_six_months_after_January_2017()
    {
        var revisit = Assert.Single((await Actions.FindAsync(new ActionFilter(Text: "communications strategy"))).Items);

        Assert.Equal(ActionKind.Revisit, revisit.Kind);
        Assert.Equal(DueKind.Date, revisit.DueKind);
        Assert.Equal(new DateOnly(2017, 7, 31), revisit.DueDate);
        Assert.Equal("revisit in 6 months' time", revisit.DuePhrase);
        Assert.Equal(new DateOnly(2017, 8, 29), revisit.DueMeeting?.Date);
    }

    [Fact]
    public async Task Seeding_a_second_time_changes_nothing()
    {
        var before = await CountsAsync();

        var again = await _db.Get<DemoData>().SeedAsync();

        Assert.False(again.Seeded);
        Assert.Contains("already holds meetings", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Seeding_does_nothing_when_the_database_already_has_a_meeting_of_its_own()
    {
        await using var other = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var register = await RegisterBuilder.CreateAsync(other);
        await register.MeetingAsync(Jan2017);

        var result = await other.Get<DemoData>().SeedAsync();

        Assert.False(result.Seeded);
        await using var db = await other.CreateContextAsync();
        Assert.Equal(1, await db.Meetings.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.Actions.CountAsync());
        Assert.Equal(1, await db.Series.CountAsync());
    }

    [Fact]
    public async Task The_June_2016_meeting_shows_the_deferred_cyber_crime_item_and_full_attendance()
    {
        var june = await Meetings.GetAsync((await MeetingOnAsync(June2016)).Id);

        Assert.NotNull(june);
        var cyber = Assert.Single(june.Agenda.SelectMany(s => s.Items), i => i.Deferred);
        Assert.Equal("Cyber crime offences", cyber.Title);
        Assert.Equal("4a.3", cyber.Number);
        Assert.Equal("4a", cyber.Section);
        Assert.Contains("150 offences were flagged as cyber crime", cyber.Questions, StringComparison.Ordinal);
        Assert.Contains(june.Agenda, s => s.Number == "4a" && s.Items.Contains(cyber));
        Assert.Equal(["John Campion", "Andy Champness", "Anthony Bangham", "David Shaw"], june.Attendees.Select(a => a.Name));
        Assert.All(june.Attendees, a => Assert.Equal(Attendance.Present, a.Attendance));
        Assert.Equal("John Campion", june.Meeting.Chair);
        Assert.Equal("Jackie Irvin, Policy Officer, OPCC", june.MinuteTaker);
        Assert.Equal(new DateOnly(2016, 7, 26), june.NextMeeting?.Date);
    }

    [Fact]
    public async Task The_June_2016_meeting_closes_the_May_actions_with_their_updates_and_the_press_statement()
    {
        var june = await Meetings.GetAsync((await MeetingOnAsync(June2016)).Id);

        Assert.NotNull(june);
        Assert.Equal(6, june.BroughtForward.Count);
        Assert.All(june.BroughtForward, a =>
        {
            Assert.Equal(new DateOnly(2016, 5, 31), a.RaisedAt.Date);
            Assert.Equal(ActionStatus.Closed, a.Status);
            Assert.Equal(June2016, a.ClosedOn);
            Assert.Equal(June2016, a.LatestUpdate?.Date);
        });
        var trackMyCrime = Assert.Single(june.BroughtForward, a => a.Text.StartsWith("The status and delivery time of Track my Crime", StringComparison.Ordinal));
        Assert.Equal(["DCC"], trackMyCrime.Owners);
        Assert.StartsWith("The DCC confirmed that Track my Crime had not been part of the original Athena programme.", trackMyCrime.LatestUpdate?.Text);
        Assert.Contains(june.BroughtForward, a => a.Text == "Opportunities for officer soft skills training to be considered.");
        Assert.Contains(june.BroughtForward, a => a.Text.StartsWith("Check how the organisational aspiration to improve victim satisfaction", StringComparison.Ordinal));

        var press = Assert.Single(june.ActionsArising, a => a.Text.Contains("joint press statement", StringComparison.Ordinal));
        Assert.Equal(["CC", "PCC"], press.Owners);
        Assert.Equal(ActionStatus.Closed, press.Status);
        Assert.Equal(June2016, press.ClosedOn);
        Assert.Equal("Completed.", press.LatestUpdate?.Text);

        var options = Assert.Single(june.ActionsArising, a => a.Text.StartsWith("An options paper is required for the July meeting", StringComparison.Ordinal));
        Assert.Equal(["DCC"], options.Owners);
        Assert.Equal("for the July meeting", options.DuePhrase);
        Assert.Equal(new DateOnly(2016, 7, 26), options.DueMeeting?.Date);
    }

    [Fact]
    public async Task The_January_2017_meeting_records_attendance_with_capacities_and_apologies_from_the_acting_DCC()
    {
        var jan = await Meetings.GetAsync((await MeetingOnAsync(Jan2017)).Id);

        Assert.NotNull(jan);
        var apologies = Assert.Single(jan.Attendees, a => a.Attendance == Attendance.Apologies);
        Assert.Equal(new AttendeeRow("Chris Singer", "T/Deputy Chief Constable (T/DCC)", Attendance.Apologies), apologies);
        Assert.Contains(new AttendeeRow("Tracey Onslow", "Deputy Police and Crime Commissioner (DPCC)", Attendance.Present), jan.Attendees);
        Assert.Equal(4, jan.Attendees.Count(a => a.Attendance == Attendance.Present));
        var burglary = Assert.Single(jan.Agenda.SelectMany(s => s.Items), i => i.Number == "4a.1");
        Assert.Contains("Herefordshire – 94%", burglary.Findings, StringComparison.Ordinal);
        Assert.Equal(3, jan.ActionsArising.Count);
        Assert.Equal(Feb2017, jan.NextMeeting?.Date);
    }

    [Fact]
    public async Task The_DCC_was_David_Shaw_in_June_2016_and_Chris_Singer_acting_up_in_January_2017()
    {
        var people = _db.Get<PeopleService>();

        var june = await people.HolderOnAsync("DCC", June2016);
        var january = await people.HolderOnAsync("DCC", Jan2017);

        Assert.Equal("David Shaw", june?.PersonName);
        Assert.False(june?.Temporary);
        Assert.Equal("Chris Singer", january?.PersonName);
        Assert.True(january?.Temporary);
        Assert.Equal("chris.singer@example.org", january?.Email);
        Assert.Equal("Anthony Bangham", (await people.HolderOnAsync("CC", Jan2017))?.PersonName);
        Assert.Equal("John Campion", (await people.HolderOnAsync("PCC", Jan2017))?.PersonName);
        Assert.Equal("Jackie Irvin", (await people.HolderOnAsync("PO", Jan2017))?.PersonName);
        Assert.NotNull(await people.HolderOnAsync("ACC", Jan2017));
        Assert.NotNull(await people.HolderOnAsync("PM", Jan2017));
    }

    [Fact]
    public async Task Every_address_is_an_example_address_and_references_run_by_year_of_the_raising_meeting()
    {
        await using var db = await _db.CreateContextAsync();
        var emails = await db.People.Select(p => p.Email).ToListAsync();
        Assert.All(emails, e => Assert.EndsWith("@example.org", e, StringComparison.Ordinal));

        var actions = await db.Actions.Include(a => a.RaisedAtMeeting).OrderBy(a => a.Year).ThenBy(a => a.Sequence).ToListAsync();
        Assert.All(actions, a => Assert.Equal(a.RaisedAtMeeting.Date.Year, a.Year));
        foreach (var year in actions.GroupBy(a => a.Year))
            Assert.Equal(Enumerable.Range(1, year.Count()), year.Select(a => a.Sequence));
        Assert.All(await db.ActionUpdates.ToListAsync(), u => Assert.Equal(DemoData.Author, u.Author));
    }

    private async Task<(int People, int Roles, int Holdings, int Series, int Meetings, int Items, int Attendees, int Actions, int Updates)> CountsAsync()
    {
        await using var db = await _db.CreateContextAsync();
        return (await db.People.CountAsync(), await db.Roles.CountAsync(), await db.RoleHoldings.CountAsync(),
            await db.Series.CountAsync(), await db.Meetings.CountAsync(), await db.AgendaItems.CountAsync(),
            await db.MeetingAttendees.CountAsync(), await db.Actions.CountAsync(), await db.ActionUpdates.CountAsync());
    }
}
