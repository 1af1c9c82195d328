using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Core;

[Needs(Need.Database)]
public sealed class CarryForwardTests : IAsyncLifetime
{
    private static readonly DateOnly Jan = new(2017, 1, 31), Feb = new(2017, 2, 28), Mar = new(2017, 3, 28), Apr = new(2017, 4, 25);
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ActionService Actions => _db.Get<ActionService>();
    private MeetingService Meetings => _db.Get<MeetingService>();

    [Fact]
    public async Task Open_action_due_in_February_is_outstanding_at_the_February_meeting_and_not_before()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb, MeetingStatus.Planned);
        var earlier = await _register.MeetingAsync(new DateOnly(2017, 2, 14), MeetingStatus.Planned, await OtherSeriesAsync());
        await _register.ActionAsync(jan, "An update on domestic burglary in North Worcestershire", "to be brought back to the February meeting");

        Assert.Equal(["An update on domestic burglary in North Worcestershire"], await _register.OutstandingAtAsync(feb));
        Assert.Empty(await _register.OutstandingAtAsync(jan));
        Assert.Empty(await _register.OutstandingAtAsync(earlier));
        var row = Assert.Single(await Actions.OutstandingAtAsync(feb));
        Assert.Equal(feb, row.DueMeeting?.Id);
        Assert.Equal(0, row.TimesCarried);
    }

    [Fact]
    public async Task Action_left_open_at_a_held_meeting_is_carried_to_the_next_and_counted()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var mar = await _register.MeetingAsync(Mar);
        var apr = await _register.MeetingAsync(Apr, MeetingStatus.Planned);
        await _register.ActionAsync(jan, "Minimum standard of service", "to the February meeting");

        Assert.Equal(0, Assert.Single(await Actions.OutstandingAtAsync(feb)).TimesCarried);
        Assert.Equal(1, Assert.Single(await Actions.OutstandingAtAsync(mar)).TimesCarried);
        Assert.Equal(2, Assert.Single(await Actions.OutstandingAtAsync(apr)).TimesCarried);
    }

    [Fact]
    public async Task Closing_at_a_meeting_keeps_it_on_that_meetings_list_but_not_the_next()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var mar = await _register.MeetingAsync(Mar, MeetingStatus.Planned);
        var action = await _register.ActionAsync(jan, "Minimum standard of service", "to the February meeting");

        await Actions.CloseAsync(action.Reference, action.Version, feb, "Standard agreed.", RegisterBuilder.Secretariat);

        Assert.Single(await _register.OutstandingAtAsync(feb));
        Assert.Empty(await _register.OutstandingAtAsync(mar));
        var detail = (await Actions.GetAsync(action.Reference))!;
        Assert.Equal(ActionStatus.Closed, detail.Action.Status);
        Assert.Equal(Feb, detail.Action.ClosedOn);
        Assert.Equal("Standard agreed.", Assert.Single(detail.Updates).Text);
    }

    [Fact]
    public async Task An_action_carried_on_at_a_meeting_still_shows_as_brought_forward_to_that_meeting()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var apr = await _register.MeetingAsync(Apr, MeetingStatus.Planned);
        var action = await _register.ActionAsync(jan, "Burglary update", "to the February meeting");

        await Actions.CarryAsync(action.Reference, action.Version, apr, "Waiting for the HMIC report", RegisterBuilder.Secretariat, atMeetingId: feb);

        Assert.Equal(["Burglary update"], await _register.OutstandingAtAsync(feb));
        Assert.Equal(["Burglary update"], await _register.OutstandingAtAsync(apr));
        Assert.Equal(apr, (await Actions.GetAsync(action.Reference))!.Action.DueMeeting?.Id);
    }

    [Fact]
    public async Task A_rescheduled_meeting_keeps_its_actions()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb, MeetingStatus.Planned);
        await _register.ActionAsync(jan, "Burglary update", "to the February meeting");
        var version = (await Meetings.GetSummaryAsync(feb))!.Version;

        await Meetings.MoveAsync(feb, version, new DateOnly(2017, 3, 7), RegisterBuilder.Secretariat);

        var row = Assert.Single(await Actions.OutstandingAtAsync(feb));
        Assert.Equal(new DateOnly(2017, 3, 7), row.DueMeeting?.Date);
    }

    [Fact]
    public async Task A_cancelled_meeting_passes_its_actions_to_the_next_one()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb, MeetingStatus.Planned);
        var mar = await _register.MeetingAsync(Mar, MeetingStatus.Planned);
        await _register.ActionAsync(jan, "Burglary update", "to the February meeting");

        await Meetings.CancelAsync(feb, 1, RegisterBuilder.Secretariat);

        var row = Assert.Single(await Actions.OutstandingAtAsync(mar));
        Assert.Equal(mar, row.DueMeeting?.Id);
    }

    [Fact]
    public async Task A_six_month_revisit_binds_to_the_first_meeting_on_or_after_the_date_and_rebinds_when_one_is_added()
    {
        var jan = await _register.MeetingAsync(Jan);
        var revisit = await _register.ActionAsync(jan, "Revisit the communications strategy in 6 months' time");
        Assert.Equal(DueKind.Date, revisit.DueKind);
        Assert.Equal(new DateOnly(2017, 7, 31), revisit.DueDate);
        Assert.Null(revisit.DueMeeting);

        var aug = await _register.MeetingAsync(new DateOnly(2017, 8, 29), MeetingStatus.Planned);
        Assert.Equal(aug, (await Actions.GetAsync(revisit.Reference))!.Action.DueMeeting?.Id);

        var early = await _register.MeetingAsync(new DateOnly(2017, 8, 1), MeetingStatus.Planned);
        Assert.Equal(early, (await Actions.GetAsync(revisit.Reference))!.Action.DueMeeting?.Id);
        Assert.Single(await _register.OutstandingAtAsync(early));
        Assert.Empty(await _register.OutstandingAtAsync(await _register.MeetingAsync(new DateOnly(2017, 7, 25), MeetingStatus.Planned)));
    }

    [Fact]
    public async Task Next_meeting_actions_are_due_at_whichever_meeting_comes_next()
    {
        var jan = await _register.MeetingAsync(Jan);
        var action = await _register.ActionAsync(jan, "PCC to review sickness levels following PMG", "next meeting", owners: ["PCC"]);
        Assert.Null(action.DueMeeting);

        var feb = await _register.MeetingAsync(Feb, MeetingStatus.Planned);
        Assert.Equal(["PCC to review sickness levels following PMG"], await _register.OutstandingAtAsync(feb));
    }

    [Fact]
    public async Task An_action_with_no_recognisable_due_point_is_kept_verbatim_and_flagged()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb, MeetingStatus.Planned);
        var action = await _register.ActionAsync(jan, "PCC / CC to discuss at a future weekly meeting.", owners: ["PCC", "CC"]);

        Assert.True(action.NeedsDuePoint);
        Assert.Equal(["CC", "PCC"], action.Owners);
        Assert.Empty(await _register.OutstandingAtAsync(feb));
    }

    [Fact]
    public async Task Actions_are_numbered_by_year_raised()
    {
        var jan = await _register.MeetingAsync(Jan);
        var first = await _register.ActionAsync(jan, "First", "next meeting");
        var second = await _register.ActionAsync(jan, "Second", "next meeting");
        Assert.Equal("2017/01", first.Reference);
        Assert.Equal("2017/02", second.Reference);
    }

    [Theory]
    [InlineData("XYZ", "Unknown owner role XYZ")]
    [InlineData("", "Name at least one owner role")]
    public async Task An_unknown_owner_is_refused_and_nothing_is_written(string owner, string message)
    {
        var jan = await _register.MeetingAsync(Jan);
        var ex = await Assert.ThrowsAsync<DomainException>(() => _register.ActionAsync(jan, "Something", "next meeting", owners: [owner]));
        Assert.Contains(message, ex.Message);
        Assert.Equal(0, (await Actions.FindAsync(new ActionFilter())).Total);
    }

    [Fact]
    public async Task A_due_point_before_the_raising_meeting_is_refused_and_nothing_is_written()
    {
        var jan = await _register.MeetingAsync(Jan);
        var ex = await Assert.ThrowsAsync<DomainException>(() => _register.ActionAsync(jan, "Report", "by 1 January 2017"));
        Assert.Contains("not after the meeting that raised the action", ex.Message);

        var dec = await _register.MeetingAsync(new DateOnly(2016, 12, 20));
        await Assert.ThrowsAsync<DomainException>(() => _register.ActionAsync(jan, "Report", dueMeetingId: dec));
        Assert.Equal(0, (await Actions.FindAsync(new ActionFilter())).Total);
    }

    [Fact]
    public async Task An_impossible_date_is_not_guessed()
    {
        var jan = await _register.MeetingAsync(Jan);
        var action = await _register.ActionAsync(jan, "Report", "by 31 February 2017");
        Assert.True(action.NeedsDuePoint);
        Assert.Equal("by 31 February 2017", action.DuePhrase);
    }

    [Fact]
    public async Task A_stale_update_is_refused_and_the_first_one_is_kept()
    {
        var jan = await _register.MeetingAsync(Jan);
        var action = await _register.ActionAsync(jan, "Report", "next meeting");

        await Actions.AddUpdateAsync(action.Reference, action.Version, "First update", null, RegisterBuilder.Secretariat);
        var ex = await Assert.ThrowsAsync<StaleEditException>(() => Actions.AddUpdateAsync(action.Reference, action.Version, "Second update", null, RegisterBuilder.Secretariat));

        Assert.Contains("changed by someone else", ex.Message);
        var detail = (await Actions.GetAsync(action.Reference))!;
        Assert.Equal(["First update"], detail.Updates.Select(u => u.Text));
        Assert.Equal(ActionStatus.UpdateProvided, detail.Action.Status);
    }

    private async Task<int> OtherSeriesAsync()
    {
        await using var db = await _db.CreateContextAsync();
        var series = new MeetingSeries { Name = "Thematic", Kind = "Thematic" };
        db.Series.Add(series);
        await db.SaveChangesAsync();
        return series.Id;
    }
}
