using System.Linq.Expressions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// The carry-forward rule, derived and never copied. An action is outstanding at meeting M when it was raised
/// before M in M's series, is not closed before M, and its due point falls on or before M. A due meeting is held by
/// id, so moving that meeting moves its actions; a cancelled meeting passes them to the next that is not cancelled;
/// a due date binds to the first meeting on or after it. Written as expressions so the database does the work.
/// </summary>
public static class CarryForward
{
    /// <remarks>An action taken at M and then carried on to a later meeting (so no longer due at M) still counts as
    /// brought forward to M: its update recorded at M says so.</remarks>
    public static Expression<Func<ActionItem, bool>> OutstandingAt(Meeting meeting)
    {
        var seriesId = meeting.SeriesId;
        var meetingId = meeting.Id;
        var date = meeting.Date;
        return a => a.SeriesId == seriesId
            && a.RaisedAtMeeting.Date < date
            && (a.ClosedOn == null || a.ClosedOn >= date)
            && (a.DueKind == DueKind.NextMeeting
                || (a.DueKind == DueKind.Meeting && a.DueMeeting!.Date <= date)
                || (a.DueKind == DueKind.Date && a.DueDate <= date)
                || a.Updates.Any(u => u.MeetingId == meetingId));
    }

    /// <summary>Open actions whose due point has passed: the due meeting or date is before <paramref name="today"/>,
    /// or, for "next meeting", a meeting of the series has taken place since it was raised.</summary>
    public static Expression<Func<ActionItem, bool>> Overdue(IQueryable<Meeting> meetings, DateOnly today) => OpenAnd(
        a => (a.DueKind == DueKind.Meeting && a.DueMeeting!.Date < today)
                || (a.DueKind == DueKind.Date && a.DueDate < today)
                || (a.DueKind == DueKind.NextMeeting && meetings.Any(m => m.SeriesId == a.SeriesId
                    && m.Status != MeetingStatus.Cancelled && m.Date > a.RaisedAtMeeting.Date && m.Date < today)));

    private static Expression<Func<ActionItem, bool>> OpenAnd(Expression<Func<ActionItem, bool>> rule) =>
        Expression.Lambda<Func<ActionItem, bool>>(
            Expression.AndAlso(Inline(ActionItem.Open, rule.Parameters[0]), rule.Body), rule.Parameters[0]);

    /// <summary>The meeting the action's due point binds to now: its due meeting (or, if cancelled, the next that is
    /// not), the first meeting on or after its due date, or the first after the meeting that raised it.</summary>
    public static Expression<Func<ActionItem, int?>> BoundDueMeetingId(IQueryable<Meeting> meetings) => Expand(
        a => meetings
            .Where(m => m.SeriesId == a.SeriesId && m.Status != MeetingStatus.Cancelled && IsOnOrAfterDuePoint(m, a))
            .OrderBy(m => m.Date).ThenBy(m => m.Id == a.DueMeetingId ? 0 : 1)
            .Select(m => (int?)m.Id)
            .FirstOrDefault());

    /// <summary>"Times carried" before <paramref name="before"/>: the held meetings of the series, at or after the
    /// action fell due, that it left still open.</summary>
    public static Expression<Func<ActionItem, int>> TimesCarried(IQueryable<Meeting> meetings, DateOnly before) => Expand(
        a => meetings.Count(m => m.SeriesId == a.SeriesId
            && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published)
            && m.Date < before
            && (a.ClosedOn == null || m.Date < a.ClosedOn)
            && IsOnOrAfterDuePoint(m, a)));

    /// <summary>Meeting m is on or after the action's due point: its due meeting's date, its due date, or — due at "the
    /// next meeting" — after the meeting that raised it.</summary>
    private static readonly Expression<Func<Meeting, ActionItem, bool>> OnOrAfterDuePoint = (m, a) =>
        (a.DueKind == DueKind.Meeting && m.Date >= a.DueMeeting!.Date)
        || (a.DueKind == DueKind.Date && m.Date >= a.DueDate)
        || (a.DueKind == DueKind.NextMeeting && m.Date > a.RaisedAtMeeting.Date);

    /// <summary>Stands for <see cref="OnOrAfterDuePoint"/> inside a query; <see cref="Expand"/> writes the rule in its place.</summary>
    private static bool IsOnOrAfterDuePoint(Meeting m, ActionItem a) =>
        throw new InvalidOperationException("Only for use inside a carry-forward expression.");

    private static Expression<Func<ActionItem, T>> Expand<T>(Expression<Func<ActionItem, T>> query) =>
        (Expression<Func<ActionItem, T>>)new ExpandDuePoint().Visit(query);

    private sealed class ExpandDuePoint : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(IsOnOrAfterDuePoint) && node.Method.DeclaringType == typeof(CarryForward)
                ? new Substitute(new Dictionary<ParameterExpression, Expression>
                    {
                        [OnOrAfterDuePoint.Parameters[0]] = Visit(node.Arguments[0]),
                        [OnOrAfterDuePoint.Parameters[1]] = Visit(node.Arguments[1]),
                    }).Visit(OnOrAfterDuePoint.Body)
                : base.VisitMethodCall(node);
    }

    /// <summary>
    /// The action as the database can give it in one pass, with <see cref="BoundDueMeetingId"/> and
    /// <see cref="TimesCarried"/> inlined. The bound due meeting and the latest update come back as ids (SQLite cannot
    /// join a "first row" per action).
    /// </summary>
    public static Expression<Func<ActionItem, ActionRowCore>> ToRowCore(IQueryable<Meeting> meetings, DateOnly before)
    {
        Expression<Func<ActionItem, int?, int, ActionRowCore>> shape = (a, dueMeetingId, timesCarried) => new ActionRowCore(
            a.Id,
            a.Year,
            a.Sequence,
            a.Text,
            a.Kind,
            a.Owners.OrderBy(o => o.Code).Select(o => o.Code).ToList(),
            new MeetingRef(a.RaisedAtMeeting.Id, a.RaisedAtMeeting.Title, a.RaisedAtMeeting.Date),
            a.RaisedAtAgendaItem == null ? null : a.RaisedAtAgendaItem.Number,
            a.RaisedAtAgendaItem == null ? null : a.RaisedAtAgendaItem.Title,
            a.DueKind,
            a.DuePhrase,
            a.DueDate,
            dueMeetingId,
            a.Status,
            timesCarried,
            a.Updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.Id).Select(u => (int?)u.Id).FirstOrDefault(),
            a.ClosedOn,
            a.Version);
        var action = shape.Parameters[0];
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [shape.Parameters[1]] = Inline(BoundDueMeetingId(meetings), action),
            [shape.Parameters[2]] = Inline(TimesCarried(meetings, before), action),
        }).Visit(shape.Body);
        return Expression.Lambda<Func<ActionItem, ActionRowCore>>(body, action);
    }

    private static Expression Inline<T>(Expression<Func<ActionItem, T>> part, ParameterExpression action) =>
        new Substitute(new Dictionary<ParameterExpression, Expression> { [part.Parameters[0]] = action }).Visit(part.Body);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}

/// <summary>An <see cref="ActionRow"/> before its due meeting and latest update are filled in.</summary>
public sealed record ActionRowCore(
    int Id, int Year, int Sequence, string Text, ActionKind Kind, List<string> Owners, MeetingRef RaisedAt,
    string? ItemNumber, string? ItemTitle, DueKind DueKind, string? DuePhrase, DateOnly? DueDate, int? DueMeetingId,
    ActionStatus Status, int TimesCarried, int? LatestUpdateId, DateOnly? ClosedOn, int Version)
{
    public ActionRow Complete(IReadOnlyDictionary<int, MeetingRef> meetings, IReadOnlyDictionary<int, LatestUpdate> updates) =>
        new(Id, Year, Sequence, Text, Kind, Owners, RaisedAt, ItemNumber, ItemTitle, DueKind, DuePhrase, DueDate,
            DueMeetingId is { } m ? meetings[m] : null, Status, TimesCarried,
            LatestUpdateId is { } u ? updates[u] : null, ClosedOn, Version);
}
