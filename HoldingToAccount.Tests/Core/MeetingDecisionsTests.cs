using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Tests.Core;

/// <summary>The stamp the room screen puts on an action as the chair decides, and the tally in its header.</summary>
public sealed class MeetingDecisionsTests
{
    private const int February = 12;
    private const int January = 11;
    private static readonly MeetingRef FebruaryMeeting = new(February, "Monthly Assurance Meeting February 2027", new DateOnly(2027, 2, 23));
    private static readonly MeetingRef MarchMeeting = new(13, "Monthly Assurance Meeting March 2027", new DateOnly(2027, 3, 30));

    private static ActionRow Action(int id, ActionStatus status, MeetingRef? due, LatestUpdate? latest) =>
        new(id, 2027, id, $"Action {id}", ActionKind.Action, ["CC"], new MeetingRef(January, "January", new DateOnly(2027, 1, 26)),
            null, null, DueKind.Meeting, "to the February meeting", null, due, status, 0, latest, status == ActionStatus.Closed ? FebruaryMeeting.Date : null, 1);

    private static LatestUpdate At(int meetingId, Decision decision) => new(new DateOnly(2027, 2, 23), "Reason given", "John Campion", decision, meetingId);

    [Fact]
    public void An_action_closed_at_this_meeting_is_stamped_closed()
    {
        var stamp = MeetingDecisions.StampAt(Action(1, ActionStatus.Closed, FebruaryMeeting, At(February, Decision.Closed)), February);

        Assert.NotNull(stamp);
        Assert.Equal("closed", stamp.Key);
        Assert.Equal("Closed", stamp.Word);
        Assert.Null(stamp.Until);
    }

    [Fact]
    public void A_carried_action_is_stamped_with_the_month_it_now_comes_back()
    {
        var stamp = MeetingDecisions.StampAt(Action(2, ActionStatus.Open, MarchMeeting, At(February, Decision.Carried)), February);

        Assert.Equal("carried", stamp!.Key);
        Assert.Equal("March 2027", stamp.Until);
    }

    [Fact]
    public void An_update_taken_at_this_meeting_is_stamped_update_noted()
    {
        Assert.Equal("noted", MeetingDecisions.StampAt(Action(3, ActionStatus.UpdateProvided, FebruaryMeeting, At(February, Decision.Noted)), February)!.Key);
    }

    [Fact]
    public void A_decision_taken_at_another_meeting_leaves_no_stamp_here()
    {
        Assert.Null(MeetingDecisions.StampAt(Action(4, ActionStatus.Open, FebruaryMeeting, At(January, Decision.Carried)), February));
        Assert.Null(MeetingDecisions.StampAt(Action(5, ActionStatus.UpdateProvided, FebruaryMeeting, At(0, Decision.None) with { MeetingId = null }), February));
        Assert.Null(MeetingDecisions.StampAt(Action(6, ActionStatus.Open, FebruaryMeeting, null), February));
    }

    [Fact]
    public void An_undone_decision_leaves_no_stamp()
    {
        Assert.Null(MeetingDecisions.StampAt(Action(7, ActionStatus.Open, FebruaryMeeting, At(February, Decision.Undone)), February));
    }

    [Fact]
    public void The_tally_counts_what_is_still_to_decide_and_each_decision_taken()
    {
        var meeting = new MeetingDetail(
            new MeetingSummary(February, 1, "Monthly", FebruaryMeeting.Title, FebruaryMeeting.Date, new TimeOnly(10, 30), null, null, MeetingStatus.Planned, 1),
            null, [], [],
            [
                Action(1, ActionStatus.Closed, FebruaryMeeting, At(February, Decision.Closed)),
                Action(2, ActionStatus.Open, MarchMeeting, At(February, Decision.Carried)),
                Action(3, ActionStatus.UpdateProvided, FebruaryMeeting, At(February, Decision.Noted)),
                Action(4, ActionStatus.Open, FebruaryMeeting, null),
                Action(5, ActionStatus.Open, FebruaryMeeting, At(January, Decision.Noted)),
            ],
            [], null);

        var tally = MeetingDecisions.TallyAt(meeting);

        Assert.Equal(3, tally.ToDecide);
        Assert.Equal(5, tally.BroughtForward);
        Assert.Equal([(Decision.Noted, 1), (Decision.Closed, 1), (Decision.Carried, 1)], tally.Decided);
    }
}
