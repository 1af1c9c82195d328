using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Tests.Core;

public sealed class MyActionsGroupingTests
{
    private static readonly MeetingRef Nov = new(1, "Monthly Assurance Meeting November 2026", new DateOnly(2026, 11, 24));
    private static readonly MeetingRef Dec = new(2, "Monthly Assurance Meeting December 2026", new DateOnly(2026, 12, 15));
    private static readonly MeetingRef Feb = new(3, "Monthly Assurance Meeting February 2027", new DateOnly(2027, 2, 23));
    private static readonly MeetingRef ThematicJan = new(4, "Estates Board January 2027", new DateOnly(2027, 1, 12));

    private static ActionRow Row(int sequence, MeetingRef? due, DateOnly? dueDate = null, int carried = 0) => new(
        sequence, 2026, sequence, $"Action {sequence}", ActionKind.Action, ["CC"], Nov, null, null,
        due is null ? DueKind.Date : DueKind.Meeting, null, dueDate, due, ActionStatus.Open, carried, null, null, 1);

    [Fact]
    public void An_overdue_action_is_shown_as_overdue_and_due_now_at_the_next_meeting_not_the_one_it_first_fell_due_at()
    {
        var groups = MyActionsGrouping.Group([(Row(1, Nov, carried: 2), Dec, true)]);

        var group = Assert.Single(groups);
        Assert.Equal(MyActionsGroupKind.Overdue, group.Kind);
        var card = Assert.Single(group.Actions);
        Assert.True(card.Overdue);
        Assert.Equal(Dec, card.DueNowAt);
        Assert.Equal(2, card.Action.TimesCarried);
    }

    [Fact]
    public void Actions_fall_into_next_meeting_overdue_later_and_no_meeting_yet_in_that_order()
    {
        var groups = MyActionsGrouping.Group([
            (Row(4, null, new DateOnly(2028, 1, 1)), null, false),
            (Row(3, Feb), Dec, false),
            (Row(2, Nov), Dec, true),
            (Row(1, Dec), Dec, false),
        ]);

        Assert.Equal([MyActionsGroupKind.DueAtNextMeeting, MyActionsGroupKind.Overdue, MyActionsGroupKind.Later, MyActionsGroupKind.NoMeetingYet],
            groups.Select(g => g.Kind));
        Assert.Equal(Dec, groups[0].Meeting);
        Assert.Equal([1, 2, 3, 4], groups.Select(g => Assert.Single(g.Actions).Action.Sequence));
        Assert.Null(groups[3].Actions[0].DueNowAt);
    }

    [Fact]
    public void Each_series_next_meeting_gets_its_own_group_soonest_first()
    {
        var groups = MyActionsGrouping.Group([
            (Row(1, Dec), Dec, false),
            (Row(2, ThematicJan), ThematicJan, false),
            (Row(3, Dec), Dec, false),
        ]);

        Assert.Equal([Dec, ThematicJan], groups.Select(g => g.Meeting));
        Assert.Equal([1, 3], groups[0].Actions.Select(a => a.Action.Sequence));
    }

    [Fact]
    public void Overdue_actions_are_listed_longest_overdue_first_and_later_ones_soonest_first()
    {
        var oct = new MeetingRef(5, "Monthly Assurance Meeting October 2026", new DateOnly(2026, 10, 27));
        var groups = MyActionsGrouping.Group([
            (Row(1, Nov), Dec, true),
            (Row(2, oct), Dec, true),
            (Row(3, Feb), Dec, false),
            (Row(4, ThematicJan), Dec, false),
        ]);

        Assert.Equal([2, 1], groups.Single(g => g.Kind == MyActionsGroupKind.Overdue).Actions.Select(a => a.Action.Sequence));
        Assert.Equal([4, 3], groups.Single(g => g.Kind == MyActionsGroupKind.Later).Actions.Select(a => a.Action.Sequence));
    }

    [Fact]
    public void Nothing_to_show_makes_no_groups() => Assert.Empty(MyActionsGrouping.Group([]));
}
