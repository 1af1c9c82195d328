using HoldingToAccount.Core;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Insights;

/// <summary>The Insights figures on a small register built for each test, where every number can be counted by eye.</summary>
[Needs(Need.Database)]
public sealed class InsightsFiguresTests : IAsyncLifetime
{
    private static readonly DateOnly Jan = new(2017, 1, 31), Feb = new(2017, 2, 28), Mar = new(2017, 3, 28);
    private TestDatabase _db = null!;
    private RegisterBuilder _register = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(London.ToInstant(new DateOnly(2016, 12, 20), new TimeOnly(15, 0)));
        _register = await RegisterBuilder.CreateAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private InsightsService Insights => _db.Get<InsightsService>();
    private ActionService Actions => _db.Get<ActionService>();
    private InsightsQuery Year => new(_register.SeriesId, new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31));

    /// <summary>At <paramref name="hoursBefore"/> hours before the meeting of <paramref name="day"/> starts (10:30 London).</summary>
    private void ClockAt(DateOnly day, double hoursBefore) =>
        _db.Clock.SetUtcNow(London.ToInstant(day, new TimeOnly(10, 30)).AddHours(-hoursBefore));

    [Fact]
    public async Task An_update_posted_49_hours_before_the_meeting_is_in_time_and_one_posted_47_hours_before_is_not()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var early = await _register.ActionAsync(jan, "Burglary minimum standard", "to the February meeting", null, "CC");
        var late = await _register.ActionAsync(jan, "Stop and search review", "to the February meeting", null, "CC");
        await _register.ActionAsync(jan, "Call answering times", "to the February meeting", null, "DCC");

        ClockAt(Feb, 49);
        await Actions.AddUpdateAsync(early.Reference, null, "Standard in place in all areas.", null, RegisterBuilder.Secretariat);
        ClockAt(Feb, 47);
        await Actions.AddUpdateAsync(late.Reference, null, "Report drafted.", null, RegisterBuilder.Secretariat);

        var (owners, byMeeting) = await Insights.UpdatesInTimeAsync(Year);

        Assert.Equal([new OwnerUpdates("CC", 1, 2, 0, 0), new OwnerUpdates("DCC", 0, 1, 0, 0)], owners);
        Assert.Equal([new MeetingOwnerUpdates(feb, "CC", 1, 2), new MeetingOwnerUpdates(feb, "DCC", 0, 1)], byMeeting);
        Assert.Equal("CC: 1 of 2 updates in time, none due in the period before; DCC: 0 of 1 updates in time, none due in the period before.",
            InsightsText.Updates(owners));
    }

    [Fact]
    public async Task An_update_given_at_the_meeting_itself_or_before_the_previous_meeting_does_not_count_as_in_time()
    {
        var dec = await _register.MeetingAsync(new DateOnly(2016, 12, 20));
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var atMeeting = await _register.ActionAsync(dec, "Victim satisfaction survey", "to the February meeting", null, "CC");
        var stale = await _register.ActionAsync(dec, "Fleet replacement plan", "to the February meeting", null, "CC");

        ClockAt(Jan, 72);
        await Actions.AddUpdateAsync(stale.Reference, null, "Plan started (before the January meeting).", null, RegisterBuilder.Secretariat);
        ClockAt(Feb, 0);
        await Actions.AddUpdateAsync(atMeeting.Reference, null, "Given at the meeting.", null, RegisterBuilder.Secretariat, feb);

        var (owners, _) = await Insights.UpdatesInTimeAsync(Year);

        Assert.Equal([new OwnerUpdates("CC", 0, 2, 0, 0)], owners);
    }

    [Fact]
    public void The_summary_compares_the_period_with_the_one_before_it()
    {
        var owner = new OwnerUpdates("DCC", 7, 9, 9, 9);
        Assert.Equal("DCC: 7 of 9 updates in time, down from 9 of 9", InsightsText.Updates(owner));
        Assert.Equal("DCC: 9 of 9 updates in time, up from 7 of 9", InsightsText.Updates(owner with { InTime = 9, PreviousInTime = 7 }));
        Assert.Equal("DCC: 2 of 4 updates in time, the same rate as 1 of 2", InsightsText.Updates(owner with { InTime = 2, Due = 4, PreviousInTime = 1, PreviousDue = 2 }));
        Assert.Equal(new InsightsQuery(1, new DateOnly(2015, 4, 1), new DateOnly(2016, 3, 31)), new InsightsQuery(1, new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31)).Previous());
        Assert.Equal(new InsightsQuery(1, new DateOnly(2015, 3, 29), new DateOnly(2016, 3, 28)), new InsightsQuery(1, new DateOnly(2016, 3, 29), new DateOnly(2017, 3, 28)).Previous());
        Assert.Equal(new InsightsQuery(1, new DateOnly(2017, 1, 1), new DateOnly(2017, 1, 10)), new InsightsQuery(1, new DateOnly(2017, 1, 11), new DateOnly(2017, 1, 20)).Previous());
    }

    [Fact]
    public async Task Each_held_meeting_counts_what_was_brought_forward_what_was_carried_from_before_and_what_was_closed_there()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var mar = await _register.MeetingAsync(Mar);
        await _register.MeetingAsync(new DateOnly(2017, 4, 25), MeetingStatus.Planned);
        var closed = await _register.ActionAsync(jan, "Burglary minimum standard", "to the February meeting");
        await _register.ActionAsync(jan, "Stop and search review", "to the February meeting");
        await _register.ActionAsync(feb, "Call answering times", "next meeting");
        _db.SetToday(new DateOnly(2017, 4, 1));
        await Actions.CloseAsync(closed.Reference, closed.Version, feb, "Standard in place.", RegisterBuilder.Secretariat);

        var meetings = await Insights.MeetingsAsync(Year);

        Assert.Equal(
            [
                new MeetingPoint(jan, "Monthly Assurance Meeting January 2017", Jan, 0, 0, 0),
                new MeetingPoint(feb, "Monthly Assurance Meeting February 2017", Feb, 2, 0, 1),
                new MeetingPoint(mar, "Monthly Assurance Meeting March 2017", Mar, 2, 1, 0),
            ],
            meetings);
        foreach (var point in meetings)
        {
            Assert.Equal(point.BroughtForward, (await Actions.SearchAsync(new RegisterQuery(AtMeetingId: point.MeetingId))).Total);
            Assert.Equal(point.Carried, (await Actions.SearchAsync(new RegisterQuery(AtMeetingId: point.MeetingId, MinTimesCarried: 1))).Total);
            Assert.Equal(point.Closed, (await Actions.SearchAsync(new RegisterQuery(ClosedAtMeetingId: point.MeetingId))).Total);
        }
    }

    [Fact]
    public async Task Median_days_to_close_and_carried_twice_or_more_count_the_actions_raised_in_the_period_per_owner()
    {
        var jan = await _register.MeetingAsync(Jan);
        var feb = await _register.MeetingAsync(Feb);
        var mar = await _register.MeetingAsync(Mar);
        var apr = await _register.MeetingAsync(new DateOnly(2017, 4, 25));
        var quick = await _register.ActionAsync(jan, "Quick one", "to the February meeting", null, "CC");
        var slow = await _register.ActionAsync(jan, "Slow one", "to the February meeting", null, "CC", "DCC");
        var slower = await _register.ActionAsync(jan, "Slower one", "to the February meeting", null, "CC");
        await _register.ActionAsync(jan, "Still open", "to the February meeting", null, "DCC");
        _db.SetToday(new DateOnly(2017, 5, 1));
        await Actions.CloseAsync(quick.Reference, quick.Version, feb, "Done.", RegisterBuilder.Secretariat);
        await Actions.CloseAsync(slow.Reference, slow.Version, mar, "Done.", RegisterBuilder.Secretariat);
        await Actions.CloseAsync(slower.Reference, slower.Version, apr, "Done.", RegisterBuilder.Secretariat);

        var closeTimes = await Insights.CloseTimesAsync(Year with { To = new DateOnly(2017, 4, 30) });
        var carried = await Insights.CarriedAsync(Year with { To = new DateOnly(2017, 4, 30) });

        Assert.Equal([new OwnerCloseTime("CC", 3, 56), new OwnerCloseTime("DCC", 1, 56)], closeTimes);
        Assert.Equal("Median days from raised to closed: CC 56 (3 closed), DCC 56 (1 closed).", InsightsText.CloseTimes(closeTimes));
        // "Slower one" was left open at February and March (twice), "Still open" at February, March and April.
        Assert.Equal([new OwnerCarried("CC", 3, 1), new OwnerCarried("DCC", 2, 1)], carried);
        var query = Year with { To = new DateOnly(2017, 4, 30) };
        foreach (var owner in carried)
        {
            var register = await Actions.SearchAsync(new RegisterQuery(Owner: owner.Owner, SeriesId: query.SeriesId, RaisedFrom: query.From, RaisedTo: query.To, MinTimesCarried: 2));
            Assert.Equal(owner.CarriedTwiceOrMore, register.Total);
        }
    }

    [Fact]
    public async Task A_period_with_no_held_meeting_gives_empty_figures_and_says_so()
    {
        await _register.MeetingAsync(Jan);

        var figures = await Insights.AllAsync(new InsightsQuery(_register.SeriesId, new DateOnly(2010, 1, 1), new DateOnly(2010, 12, 31)));

        Assert.Empty(figures.Meetings);
        Assert.Empty(figures.Updates);
        Assert.Equal("No meeting of this series was held in this period.", InsightsText.Meetings(figures.Meetings));
        Assert.Equal("No actions were brought forward to a held meeting in this period, so no updates were due.", InsightsText.Updates(figures.Updates));
    }
}
