using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Actions;

/// <summary>Turns a due phrase into the action's due point: one rule for the register, the demo data and imports.</summary>
public static class DuePoints
{
    /// <summary>
    /// Sets the due point from <paramref name="phrase"/>, read against the raising meeting. A named month binds to that
    /// month's meeting when one of <paramref name="seriesMeetings"/> is in it, else to the month's first day (and so to
    /// the first meeting planned on or after it). An unrecognised phrase is kept as written and needs a due point.
    /// </summary>
    /// <returns>What the parser read, or null when there was no phrase.</returns>
    public static DuePhrase? Apply(ActionItem action, string? phrase, Meeting raisedAt, IEnumerable<Meeting> seriesMeetings) =>
        Apply(action, phrase, raisedAt.Date, seriesMeetings, betweenMeetings: false);

    /// <summary>The same for an action raised between meetings on <paramref name="raisedOn"/> (a revisit scheduled today):
    /// "in 6 months" counts from that day, and "the next meeting" is the first after it.</summary>
    public static DuePhrase? Apply(ActionItem action, string? phrase, DateOnly raisedOn, IEnumerable<Meeting> seriesMeetings) =>
        Apply(action, phrase, raisedOn, seriesMeetings, betweenMeetings: true);

    private static DuePhrase? Apply(ActionItem action, string? phrase, DateOnly raisedOn, IEnumerable<Meeting> seriesMeetings, bool betweenMeetings)
    {
        ArgumentNullException.ThrowIfNull(action);
        action.DuePhrase = string.IsNullOrWhiteSpace(phrase) ? null : phrase.Trim();
        action.DueKind = DueKind.None;
        action.DueMeeting = null;
        action.DueMeetingId = null;
        action.DueDate = null;
        if (action.DuePhrase is null)
            return null;

        var parsed = DuePhraseParser.Parse(action.DuePhrase, raisedOn);
        var lastDay = parsed.Kind == DueTargetKind.MeetingInMonth ? parsed.Date?.AddMonths(1).AddDays(-1) : parsed.Date;
        if (lastDay is { } last && last < raisedOn || parsed.Kind == DueTargetKind.MeetingInMonth && lastDay == raisedOn)
            throw new DomainException($"\"{parsed.Phrase}\" falls on {London.ShortDate(lastDay!.Value)}, not after {(betweenMeetings ? "the day the action was raised" : "the meeting that raised the action")} ({London.ShortDate(raisedOn)}).");

        switch (parsed.Kind)
        {
            case DueTargetKind.NextMeeting when betweenMeetings:
                // "The next meeting" is read from the day it was raised, not from the earlier meeting it is recorded against.
                action.DueKind = DueKind.Date;
                action.DueDate = raisedOn.AddDays(1);
                break;
            case DueTargetKind.NextMeeting:
                action.DueKind = DueKind.NextMeeting;
                break;
            case DueTargetKind.MeetingInMonth:
                var monthStart = parsed.Date!.Value;
                var meeting = seriesMeetings
                    .Where(m => m.Status != MeetingStatus.Cancelled && m.Date >= monthStart && m.Date < monthStart.AddMonths(1) && m.Date > raisedOn)
                    .OrderBy(m => m.Date).FirstOrDefault();
                action.DueKind = meeting is null ? DueKind.Date : DueKind.Meeting;
                action.DueMeeting = meeting;
                action.DueMeetingId = meeting?.Id;
                action.DueDate = meeting is null ? monthStart : null;
                break;
            case DueTargetKind.Date:
                action.DueKind = DueKind.Date;
                action.DueDate = parsed.Date;
                break;
            default:
                break;
        }
        return parsed;
    }
}
