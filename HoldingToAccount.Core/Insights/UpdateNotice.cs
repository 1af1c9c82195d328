using System.Linq.Expressions;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Insights;

/// <summary>The window in which an update to an action brought forward to a meeting counts as received in time.</summary>
/// <param name="SinceUtc">When the previous meeting of the series began (updates before it were for that meeting).</param>
/// <param name="DeadlineUtc"><see cref="UpdateNotice.Hours"/> hours before this meeting begins.</param>
public sealed record UpdateWindow(DateTime SinceUtc, DateTime DeadlineUtc);

/// <summary>"Updates received 48 h before the meeting: 7 of 9" for one meeting.</summary>
public sealed record MeetingUpdateFigure(int MeetingId, int InTime, int Due);

/// <summary>
/// The one rule for an update received in time: posted between the start of the previous meeting of the series and
/// <see cref="Hours"/> hours before this one starts, and neither given at a meeting nor a decision. Insights counts it
/// per owner role over a period; the meeting page and the Run page show it for one meeting.
/// </summary>
public static class UpdateNotice
{
    public const int Hours = 48;

    public static async Task<UpdateWindow> WindowAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        var deadline = London.ToInstant(meeting.Date, meeting.StartTime).UtcDateTime.AddHours(-Hours);
        var previous = await db.Meetings
            .Where(m => m.SeriesId == meeting.SeriesId && m.Status != MeetingStatus.Cancelled && m.Date < meeting.Date)
            .OrderByDescending(m => m.Date).Select(m => new { m.Date, m.StartTime }).FirstOrDefaultAsync(ct);
        var since = previous is null ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : London.ToInstant(previous.Date, previous.StartTime).UtcDateTime;
        return new UpdateWindow(since, deadline);
    }

    /// <summary>The action has an update posted (not at a meeting, not a decision) inside the window.</summary>
    public static Expression<Func<ActionItem, bool>> InTime(UpdateWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var since = window.SinceUtc;
        var deadline = window.DeadlineUtc;
        return a => a.Updates.Any(u => u.MeetingId == null && u.Decision == Decision.None
            && u.RecordedAtUtc > since && u.RecordedAtUtc <= deadline);
    }

    /// <summary>Of the actions brought forward to the meeting, how many had an update in time; null for no such meeting.</summary>
    public static async Task<MeetingUpdateFigure?> FigureAsync(AppDbContext db, int meetingId, Access.Actor? reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return null;
        var window = await WindowAsync(db, meeting, ct);
        var outstanding = db.Actions.VisibleTo(reader).Where(CarryForward.OutstandingAt(meeting));
        return new MeetingUpdateFigure(meeting.Id, await outstanding.Where(InTime(window)).CountAsync(ct), await outstanding.CountAsync(ct));
    }
}
