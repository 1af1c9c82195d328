using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Demo;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Tests.TestData;

namespace HoldingToAccount.Tests.Insights;

/// <summary>
/// The figures for the demo register (the office's own notes of May 2016 to March 2017), checked against counts made
/// by hand from those notes, with the clock on 1 April 2017: after the March meeting, before the April one.
/// </summary>
[Needs(Need.Database)]
public sealed class InsightsDemoFiguresTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private InsightsFigures _figures = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new DateTimeOffset(2017, 2, 1, 9, 0, 0, TimeSpan.Zero));
        await _db.Get<DemoData>().SeedAsync();
        _db.SetToday(new DateOnly(2017, 4, 1));
        var query = await _db.Get<InsightsService>().QueryAsync(null, null, null);
        _figures = await _db.Get<InsightsService>().AllAsync(query!);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void The_page_opens_on_the_twelve_months_to_the_latest_held_meeting_of_the_monthly_series()
    {
        Assert.Equal(new DateOnly(2016, 3, 29), _figures.Query.From);
        Assert.Equal(new DateOnly(2017, 3, 28), _figures.Query.To);
    }

    [Fact]
    public async Task Actions_brought_forward_carried_and_closed_at_each_meeting_match_the_notes()
    {
        // May 2016: nothing earlier. June: the six "next meeting" actions of May (all closed there), and the joint press
        // statement agreed and closed in June. July: the options paper. December: nothing open. January 2017: the JPP
        // update given there. February: the two burglary actions. March: the same two, carried once.
        Assert.Equal(
            [("2016-05-31", 0, 0, 0), ("2016-06-28", 6, 0, 7), ("2016-07-26", 1, 0, 1), ("2016-12-20", 0, 0, 0),
             ("2017-01-31", 1, 0, 0), ("2017-02-28", 2, 0, 0), ("2017-03-28", 2, 2, 0)],
            _figures.Meetings.Select(m => (m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.BroughtForward, m.Carried, m.Closed)));
        var actions = _db.Get<ActionService>();
        foreach (var meeting in _figures.Meetings)
        {
            Assert.Equal(meeting.BroughtForward, (await actions.SearchAsync(new RegisterQuery(AtMeetingId: meeting.MeetingId))).Total);
            Assert.Equal(meeting.Closed, (await actions.SearchAsync(new RegisterQuery(ClosedAtMeetingId: meeting.MeetingId))).Total);
        }
    }

    [Fact]
    public void No_update_in_the_notes_reached_the_register_before_its_meeting()
    {
        // Every update in the notes was given at the meeting itself: CC's nine, DCC's two and the PCC's one were all late.
        Assert.Equal([new OwnerUpdates("CC", 0, 9, 0, 0), new OwnerUpdates("DCC", 0, 2, 0, 0), new OwnerUpdates("PCC", 0, 1, 0, 0)], _figures.Updates);
    }

    [Fact]
    public void Close_times_carried_actions_and_the_revisit_match_the_notes()
    {
        // May's actions were closed 28 days later in June, July's options paper 28 days after June, the joint press
        // statement on the day: CC 0, 28, 28, 28, 28; DCC 28, 28; PCC 0, 28.
        Assert.Equal([new OwnerCloseTime("CC", 5, 28), new OwnerCloseTime("DCC", 2, 28), new OwnerCloseTime("PCC", 2, 14)], _figures.CloseTimes);
        // Only the two January burglary actions, left open in February and March, were carried twice.
        Assert.Equal([new OwnerCarried("CC", 10, 2), new OwnerCarried("DCC", 2, 0), new OwnerCarried("PCC", 4, 0)], _figures.Carried);
        // "Revisit the communications strategy in 6 months' time" (January 2017): due 31 July, so at the August meeting.
        var revisit = Assert.Single(_figures.Revisits);
        Assert.Equal((new DateOnly(2017, 8, 1), 1), (revisit.Month, revisit.Count));
        Assert.NotNull(revisit.MeetingId);
        Assert.Equal(0, _figures.RevisitsWithoutDate);
    }
}
