using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Dashboard.Board;

/// <summary>
/// What the room screen shows of a meeting at this moment: one agenda section and its actions (one of them, perhaps,
/// in focus), or — once the meeting is held, or when the chair asks — the summary of the decisions taken.
/// </summary>
public sealed record BoardView(
    string Section,
    AgendaSectionRow? SectionRow,
    string ListHeading,
    IReadOnlyList<ActionRow> Actions,
    ActionRow? Focused)
{
    /// <summary>The agenda key of the decisions summary, after the last section.</summary>
    public const string Summary = "summary";

    /// <summary>The agenda key of the performance summary (<see cref="Components.Pages.Board.BoardPerformance"/>), after the decisions summary.</summary>
    public const string Performance = "performance";

    public bool IsSummary => Section == Summary;

    public bool IsPerformance => Section == Performance;

    /// <summary>The actions other than the one in focus.</summary>
    public IReadOnlyList<ActionRow> Others => Focused is null ? Actions : Actions.Where(a => a.Id != Focused.Id).ToList();

    /// <summary>The sections the chair steps through, ending with the decisions summary. The performance summary is
    /// not a step: the chair chooses it on the Run page.</summary>
    public static IReadOnlyList<string> Steps(MeetingDetail meeting) =>
        [.. meeting.Agenda.Where(s => s.Number.Length > 0).Select(s => s.Number), Summary];

    /// <summary>
    /// The summary shows when the chair chooses it, or once the meeting has been held (on or before
    /// <paramref name="today"/>) and nobody is presenting it; otherwise the presenter's section, or the first.
    /// </summary>
    public static bool ShowsSummary(MeetingSummary meeting, Presenting? presenting, DateOnly today) =>
        presenting?.Section == Summary
        || (presenting is null && (meeting.Status is MeetingStatus.Held or MeetingStatus.Published) && meeting.Date <= today);

    public static BoardView For(MeetingDetail meeting, Presenting? presenting, DateOnly today)
    {
        if (presenting?.Section == Performance)
            return new BoardView(Performance, null, "Performance summary", [], null);
        if (ShowsSummary(meeting.Meeting, presenting, today))
            return new BoardView(Summary, null, "Decisions", meeting.BroughtForward, null);

        var focused = presenting?.ActionId is { } id ? meeting.BroughtForward.Concat(meeting.ActionsArising).FirstOrDefault(a => a.Id == id) : null;
        var section = (focused is null ? null : SectionOf(meeting, focused))
            ?? meeting.Agenda.FirstOrDefault(s => s.Number == presenting?.Section)
            ?? meeting.Agenda.FirstOrDefault();
        var (heading, actions) = ActionsIn(meeting, section);
        return new BoardView(section?.Number ?? "", section, heading, actions, focused is not null && actions.Contains(focused) ? focused : null);
    }

    private static AgendaSectionRow? SectionOf(MeetingDetail meeting, ActionRow action) =>
        meeting.BroughtForward.Contains(action)
            ? meeting.BroughtForwardSection()
            : meeting.Agenda.FirstOrDefault(s => s.Items.Any(i => i.Number == action.ItemNumber));

    private static (string Heading, IReadOnlyList<ActionRow> Actions) ActionsIn(MeetingDetail meeting, AgendaSectionRow? section)
    {
        if (section is null || meeting.HoldsBroughtForward(section))
            return ("Brought forward", meeting.BroughtForward);
        if (section.Items.Count > 0)
            return ("Actions arising", meeting.ActionsArising.Where(a => section.Items.Any(i => i.Number == a.ItemNumber)).ToList());
        return ("Actions arising so far", meeting.ActionsArising);
    }
}
