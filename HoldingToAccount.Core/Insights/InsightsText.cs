using System.Globalization;

namespace HoldingToAccount.Core.Insights;

/// <summary>The one-sentence summaries each chart carries (its words for those who do not see it), for the page and the board.</summary>
public static class InsightsText
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"DCC: 7 of 9 updates in time, down from 9 of 9".</summary>
    public static string Updates(OwnerUpdates owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var now = $"{owner.Owner}: {owner.InTime} of {owner.Due} updates in time";
        if (owner.PreviousDue == 0)
            return now + ", none due in the period before";
        var change = Compare(Rate(owner.InTime, owner.Due), Rate(owner.PreviousInTime, owner.PreviousDue));
        return $"{now}, {change} {owner.PreviousInTime} of {owner.PreviousDue}";
    }

    /// <summary>The owners' updates in one sentence: each owner's <see cref="Updates(OwnerUpdates)"/>, or that none were due.</summary>
    public static string Updates(IReadOnlyList<OwnerUpdates> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return owners.Count == 0
            ? "No actions were brought forward to a held meeting in this period, so no updates were due."
            : string.Join("; ", owners.Select(Updates)) + ".";
    }

    /// <summary>"Over 11 meetings, actions brought forward went from 4 to 9; 3 were carried at the latest, and 12 were closed in all."</summary>
    public static string Meetings(IReadOnlyList<MeetingPoint> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        if (meetings.Count == 0)
            return "No meeting of this series was held in this period.";
        var first = meetings[0];
        var last = meetings[^1];
        var closed = meetings.Sum(m => m.Closed);
        return meetings.Count == 1
            ? $"At the one meeting held ({London.Month(first.Date)}), {first.BroughtForward} actions were brought forward, {first.Carried} of them carried from before, and {closed} were closed."
            : $"Over {meetings.Count} meetings, actions brought forward went from {first.BroughtForward} ({London.Month(first.Date)}) to {last.BroughtForward} ({London.Month(last.Date)}); "
              + $"{last.Carried} were carried from before at the latest, and {closed} were closed in all.";
    }

    /// <summary>"Median days from raised to closed: CC 56 (4 closed), DCC 28 (2 closed)."</summary>
    public static string CloseTimes(IReadOnlyList<OwnerCloseTime> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return owners.Count == 0
            ? "None of the actions raised in this period has been closed yet."
            : "Median days from raised to closed: " + string.Join(", ", owners.Select(o => $"{o.Owner} {Days(o.MedianDays)} ({o.Closed} closed)")) + ".";
    }

    /// <summary>"Carried twice or more: CC 2 of 7, DCC none of 3."</summary>
    public static string Carried(IReadOnlyList<OwnerCarried> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return owners.Count == 0
            ? "No actions were raised in this period."
            : "Actions raised in the period and carried twice or more: "
              + string.Join(", ", owners.Select(o => $"{o.Owner} {(o.CarriedTwiceOrMore == 0 ? "none" : o.CarriedTwiceOrMore.ToString(Uk))} of {o.Raised}")) + ".";
    }

    /// <summary>"Escalated for slipping: CC 1 of 7, DCC none of 3."</summary>
    public static string Escalations(IReadOnlyList<OwnerEscalations> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return owners.Count == 0
            ? "No actions were raised in this period."
            : owners.All(o => o.Escalated == 0)
                ? "None of the actions raised in this period has been escalated."
                : "Actions raised in the period and escalated for slipping: "
                  + string.Join(", ", owners.Select(o => $"{o.Owner} {(o.Escalated == 0 ? "none" : o.Escalated.ToString(Uk))} of {o.Raised}")) + ".";
    }

    /// <summary>"5 open revisits: 2 due in May 2017, …".</summary>
    public static string Revisits(IReadOnlyList<RevisitMonth> months, int withoutDate)
    {
        ArgumentNullException.ThrowIfNull(months);
        var total = months.Sum(m => m.Count) + withoutDate;
        if (total == 0)
            return "No revisits are waiting to come back.";
        var parts = months.Select(m => $"{m.Count} due in {London.Month(m.Month)}").ToList();
        if (withoutDate > 0)
            parts.Add($"{withoutDate} with no date yet");
        return $"{total} open revisit{(total == 1 ? "" : "s")}: {string.Join(", ", parts)}.";
    }

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", Uk) : "–";

    /// <summary>A share as a whole percentage, "78 %"; a dash when nothing was due.</summary>
    public static string Percent(int part, int whole) => whole == 0 ? "–" : $"{Math.Round(100.0 * part / whole):0} %";

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Compare(double now, double before) => Math.Abs(now - before) < 1e-9 ? "the same rate as" : now < before ? "down from" : "up from";
}
