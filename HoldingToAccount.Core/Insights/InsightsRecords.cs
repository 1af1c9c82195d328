namespace HoldingToAccount.Core.Insights;

/// <summary>A series and a span of days (both ends included) that the figures cover.</summary>
public sealed record InsightsQuery(int SeriesId, DateOnly From, DateOnly To)
{
    /// <summary>The span of the same length just before this one, for "up from" and "down from": the same number of
    /// whole months when the span is whole months (a financial year before a financial year, leap day or not), else of days.</summary>
    public InsightsQuery Previous()
    {
        var end = To.AddDays(1);
        var months = (end.Year - From.Year) * 12 + end.Month - From.Month;
        if (months > 0 && From.AddMonths(months) == end)
            return this with { From = From.AddMonths(-months), To = From.AddDays(-1) };
        var days = To.DayNumber - From.DayNumber + 1;
        return this with { From = From.AddDays(-days), To = From.AddDays(-1) };
    }
}

/// <summary>One held meeting: the actions brought forward to it, those of them already carried from an earlier
/// meeting (overdue when the meeting met), and the actions closed there.</summary>
public sealed record MeetingPoint(int MeetingId, string Title, DateOnly Date, int BroughtForward, int Carried, int Closed);

/// <summary>An owner role's updates received in time (at least <see cref="InsightsService.UpdateNoticeHours"/> hours
/// before the meeting an action was brought forward to), this period and the one before.</summary>
public sealed record OwnerUpdates(string Owner, int InTime, int Due, int PreviousInTime, int PreviousDue);

/// <summary>The actions of one meeting for one owner role, and how many of them had an update in time.</summary>
public sealed record MeetingOwnerUpdates(int MeetingId, string Owner, int InTime, int Due);

/// <summary>An owner role's actions raised in the period and since closed, and the median days from raised to closed.</summary>
public sealed record OwnerCloseTime(string Owner, int Closed, double? MedianDays);

/// <summary>An owner role's actions raised in the period, and how many of them have been carried twice or more.</summary>
public sealed record OwnerCarried(string Owner, int Raised, int CarriedTwiceOrMore);

/// <summary>An owner role's actions raised in the period, and how many of them have been escalated for slipping
/// (carried too often or overdue too long: <see cref="Reminders.Chasing.Escalation"/>).</summary>
public sealed record OwnerEscalations(string Owner, int Raised, int Escalated);

/// <summary>Open revisits due in one month (by the meeting their due point binds to, or their due date);
/// <paramref name="MeetingId"/>: the one meeting they all bind to, when they do.</summary>
public sealed record RevisitMonth(DateOnly Month, int Count, int? MeetingId);

/// <summary>Every figure of the Insights page for one series and period.</summary>
public sealed record InsightsFigures(
    InsightsQuery Query,
    IReadOnlyList<MeetingPoint> Meetings,
    IReadOnlyList<OwnerUpdates> Updates,
    IReadOnlyList<MeetingOwnerUpdates> UpdatesByMeeting,
    IReadOnlyList<OwnerCloseTime> CloseTimes,
    IReadOnlyList<OwnerCarried> Carried,
    IReadOnlyList<RevisitMonth> Revisits,
    int RevisitsWithoutDate,
    IReadOnlyList<OwnerEscalations>? Escalations = null);
