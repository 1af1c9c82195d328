using HoldingToAccount.Core.Actions;

namespace HoldingToAccount.Core.Meetings;

/// <summary>What the chair decided about an action at one meeting, as the room screen stamps it.</summary>
public sealed record DecisionStamp(Decision Decision, string Word, string? Until)
{
    /// <summary>The decision as the board's <c>data-decision</c> names it: closed, carried, deferred, noted, …</summary>
    public string Key => Decision.ToString().ToLowerInvariant();
}

/// <summary>"To decide: 3 of 5 · closed 1 · carried 1" — how far the meeting has got with what was brought forward.</summary>
public sealed record DecisionTally(int ToDecide, int BroughtForward, IReadOnlyList<(Decision Decision, int Count)> Decided);

public static class MeetingDecisions
{
    /// <summary>
    /// The stamp an action carries at a meeting: the decision of its latest history entry, if that entry was recorded
    /// at this meeting. An entry that undid a decision leaves no stamp; so does one recorded elsewhere (an update
    /// posted from the office after the meeting moved on, or a decision of an earlier meeting).
    /// </summary>
    public static DecisionStamp? StampAt(ActionRow action, int meetingId)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.LatestUpdate is not { } latest || latest.MeetingId != meetingId)
            return null;
        var until = action.DueMeeting is { } due ? London.Month(due.Date) : action.DueDate is { } date ? London.ShortDate(date) : null;
        return latest.Decision switch
        {
            Decision.Carried or Decision.Deferred or Decision.Redated => new DecisionStamp(latest.Decision, Word(latest.Decision), until),
            Decision.Closed or Decision.Cancelled or Decision.Reassigned or Decision.Reopened or Decision.Noted =>
                new DecisionStamp(latest.Decision, Word(latest.Decision), null),
            _ => null,
        };
    }

    /// <summary>A decision as the room screen names it: "Closed", "Re-dated", "Update noted".</summary>
    public static string Word(Decision decision) => decision switch
    {
        Decision.Noted => "Update noted",
        Decision.Redated => "Re-dated",
        _ => decision.ToString(),
    };

    /// <summary>The brought-forward actions still to decide and the decisions taken on the others at this meeting.</summary>
    public static DecisionTally TallyAt(MeetingDetail meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var decided = meeting.BroughtForward
            .Select(a => StampAt(a, meeting.Meeting.Id))
            .OfType<DecisionStamp>()
            .GroupBy(s => s.Decision)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))
            .ToList();
        return new DecisionTally(meeting.BroughtForward.Count(a => a.StillToDecideAt(meeting.Meeting.Date)), meeting.BroughtForward.Count, decided);
    }
}
