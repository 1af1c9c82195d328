using System.Linq.Expressions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// The carry-forward rule, derived and never copied. An action is outstanding at meeting M when it was raised
/// before M in M's series, is not closed before M, and its due point falls on or before M. A due meeting is held by
/// id, so moving that meeting moves its actions; a cancelled meeting passes them to the next that is not cancelled;
/// a due date binds to the first meeting on or after it. Written as expressions so the database does the work.
/// </summary>
public static partial class CarryForward
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
            .OrderBy(m => m.Date).ThenBy(m => m.Id == a.DueMeetingId ? 0 : 1).ThenBy(m => m.Id)
            .Select(m => (int?)m.Id)
            .FirstOrDefault());

    /// <summary>
    /// "Times carried" before <paramref name="before"/>: the held (or published) meetings of the series at which the
    /// action was due, under the due point in force when the meeting began, and that it left open. Read from the
    /// action's history (<see cref="ActionPeriod"/>), so carrying, deferring or re-dating never lowers it: the meetings
    /// already passed keep the due point they had. The one rule for the register, the board, reminders and exports.
    /// </summary>
    /// <remarks>Only the meetings of the action's life are looked at: its history begins on the day of the meeting that
    /// raised it, and a closed action's latest period, closed, is in force from its closing day on. The latest period
    /// before a day is sought by its start and then its id, which is the same order (a period never starts before the
    /// one it follows) and the one the periods' index keeps, so each is one seek.</remarks>
    public static Expression<Func<ActionItem, int>> TimesCarried(IQueryable<Meeting> meetings, DateOnly before) => Expand(
        a => meetings.Count(m => m.SeriesId == a.SeriesId
            && m.Date > a.RaisedAtMeeting.Date
            && m.Date < before
            && (a.ClosedOn == null || m.Date <= a.ClosedOn)
            && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published)
            && a.Periods.Where(p => p.From < m.Date).OrderByDescending(p => p.From).ThenByDescending(p => p.Id).Take(1)
                .Any(p => IsOpen(p.Status) && IsDueBy(m, p, a))
            && a.Periods.Where(p => p.From <= m.Date).OrderByDescending(p => p.From).ThenByDescending(p => p.Id).Take(1)
                .Any(p => IsOpen(p.Status))));

    /// <summary>The period holding the due point as first agreed: the latest before the action was first carried,
    /// deferred or re-dated (so a correction made before then counts as what was agreed).</summary>
    public static Expression<Func<ActionItem, int?>> FirstDuePeriodId() =>
        a => a.Periods
            .Where(p => !a.Periods.Any(q => q.Id <= p.Id
                && (q.Decision == Decision.Carried || q.Decision == Decision.Deferred || q.Decision == Decision.Redated)))
            .OrderByDescending(p => p.Id)
            .Select(p => (int?)p.Id)
            .FirstOrDefault();

    /// <summary>The meeting a due point of the action's history binds to now (as <see cref="BoundDueMeetingId"/> for the
    /// action as it is).</summary>
    public static Expression<Func<ActionPeriod, ActionItem, int?>> PeriodBoundDueMeetingId(IQueryable<Meeting> meetings) => ExpandAny<Expression<Func<ActionPeriod, ActionItem, int?>>>(
        (p, a) => meetings
            .Where(m => m.SeriesId == a.SeriesId && m.Status != MeetingStatus.Cancelled && IsDueBy(m, p, a))
            .OrderBy(m => m.Date).ThenBy(m => m.Id == p.DueMeetingId ? 0 : 1).ThenBy(m => m.Id)
            .Select(m => (int?)m.Id)
            .FirstOrDefault());

    /// <summary>Meeting m is on or after a due point: its due meeting's date, its due date, or — due at "the next
    /// meeting" — after the meeting that raised the action. One rule for the action as it is and for each period of its history.</summary>
    /// <remarks>One comparison with the due point's first day, not one per kind, so that the database can seek the series'
    /// meetings by date instead of testing each of them.</remarks>
    private static readonly Expression<Func<Meeting, DueKind, DateOnly?, DateOnly?, DateOnly, bool>> OnOrAfter =
        (m, kind, dueMeetingDate, dueDate, raisedOn) => m.Date >= FirstDueDay(kind, dueMeetingDate, dueDate, raisedOn);

    /// <summary>The first day a meeting can take the due point on: its due meeting's date, its due date, or the day after
    /// the meeting that raised it; none for an action due at no point.</summary>
    private static readonly Expression<Func<DueKind, DateOnly?, DateOnly?, DateOnly, DateOnly?>> FirstDueDayRule =
        (kind, dueMeetingDate, dueDate, raisedOn) =>
            kind == DueKind.Meeting ? dueMeetingDate
            : kind == DueKind.Date ? dueDate
            : kind == DueKind.NextMeeting ? (DateOnly?)raisedOn.AddDays(1)
            : null;

    /// <summary>
    /// Every action whose due point could bind to <paramref name="meeting"/>, and some that do not: the meeting must be on
    /// or after the due point and the series' meeting before it (<paramref name="previousDate"/>, the last one not
    /// cancelled, if any) must not be, so the due point's first day (<see cref="FirstDueDayRule"/>) lies after that
    /// meeting and on or before this one. The series and the exact rule (<see cref="BoundDueMeetingId"/>: a cancelled
    /// meeting, two meetings on one day) are left to <see cref="Timeline.DueAtAsync"/>.
    /// </summary>
    /// <remarks>Written kind by kind on the stored columns (the due meeting, the due date, the meeting that raised the
    /// action), each a query of its own, so that each is an index seek: as one condition, or beside the series, the
    /// database would read the whole series instead.</remarks>
    public static IQueryable<int> DueAtCandidateIds(IQueryable<ActionItem> actions, IQueryable<Meeting> meetings, Meeting meeting, DateOnly? previousDate)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var (seriesId, date) = (meeting.SeriesId, meeting.Date);
        var after = previousDate ?? DateOnly.MinValue;
        var dueMeetingsInRange = meetings.Where(m => m.Date > after && m.Date <= date).Select(m => (int?)m.Id);
        // Due at "the next meeting": its first day is the day after the raising meeting, so that meeting is on or after
        // the previous one and before this one.
        var raisingMeetingsInRange = meetings.Where(m => m.SeriesId == seriesId && m.Date >= after && m.Date < date).Select(m => m.Id);
        return actions.Where(a => a.DueKind == DueKind.Meeting && dueMeetingsInRange.Contains(a.DueMeetingId)).Select(a => a.Id)
            .Concat(actions.Where(a => a.DueKind == DueKind.Date && a.DueDate > after && a.DueDate <= date).Select(a => a.Id))
            .Concat(actions.Where(a => a.DueKind == DueKind.NextMeeting && raisingMeetingsInRange.Contains(a.RaisedAtMeetingId)).Select(a => a.Id));
    }

    /// <summary><see cref="OnOrAfter"/> the action's due point as it is now.</summary>
    private static readonly Expression<Func<Meeting, ActionItem, bool>> OnOrAfterDuePoint = (m, a) =>
        IsOnOrAfter(m, a.DueKind, (DateOnly?)a.DueMeeting!.Date, a.DueDate, a.RaisedAtMeeting.Date);

    /// <summary><see cref="OnOrAfter"/> the due point a period of the action's history held.</summary>
    private static readonly Expression<Func<Meeting, ActionPeriod, ActionItem, bool>> DueByInPeriod = (m, p, a) =>
        IsOnOrAfter(m, p.DueKind, (DateOnly?)p.DueMeeting!.Date, p.DueDate, a.RaisedAtMeeting.Date);

    /// <summary>Stand for <see cref="OnOrAfter"/>, <see cref="FirstDueDayRule"/>, <see cref="OnOrAfterDuePoint"/>, <see cref="DueByInPeriod"/> and
    /// <see cref="ActionStatuses.OpenRule"/> inside a query; <see cref="Expand"/> writes the rule in its place.</summary>
    private static bool IsOnOrAfter(Meeting m, DueKind kind, DateOnly? dueMeetingDate, DateOnly? dueDate, DateOnly raisedOn) => throw OnlyInQueries();

    private static DateOnly? FirstDueDay(DueKind kind, DateOnly? dueMeetingDate, DateOnly? dueDate, DateOnly raisedOn) => throw OnlyInQueries();

    private static bool IsOnOrAfterDuePoint(Meeting m, ActionItem a) => throw OnlyInQueries();

    private static bool IsDueBy(Meeting m, ActionPeriod p, ActionItem a) => throw OnlyInQueries();

    private static bool IsOpen(ActionStatus status) => throw OnlyInQueries();

    private static InvalidOperationException OnlyInQueries() => new("Only for use inside a carry-forward expression.");

    private static readonly Dictionary<string, LambdaExpression> Rules = new(StringComparer.Ordinal)
    {
        [nameof(IsOnOrAfter)] = OnOrAfter,
        [nameof(FirstDueDay)] = FirstDueDayRule,
        [nameof(IsOnOrAfterDuePoint)] = OnOrAfterDuePoint,
        [nameof(IsDueBy)] = DueByInPeriod,
        [nameof(IsOpen)] = ActionStatuses.OpenRule,
    };

    private static Expression<Func<ActionItem, T>> Expand<T>(Expression<Func<ActionItem, T>> query) => ExpandAny(query);

    private static TExpression ExpandAny<TExpression>(TExpression query) where TExpression : LambdaExpression =>
        (TExpression)new ExpandRules().Visit(query);

    private sealed class ExpandRules : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(CarryForward) || !Rules.TryGetValue(node.Method.Name, out var rule))
                return base.VisitMethodCall(node);
            var arguments = new Dictionary<ParameterExpression, Expression>();
            for (var i = 0; i < rule.Parameters.Count; i++)
                arguments[rule.Parameters[i]] = Visit(node.Arguments[i]);
            // A rule may stand on another (OnOrAfterDuePoint on OnOrAfter): expand what the substitution brings in too.
            return Visit(new Substitute(arguments).Visit(rule.Body));
        }
    }

    /// <summary>
    /// The action's stored fields as the database gives them in one pass, with the latest update as an id (SQLite cannot
    /// join a "first row" per action) and without its owners, which are read for all rows at once (joined here, the
    /// database would pair every action with its owners before taking the page). Its due meeting, times carried and first due point follow from the series'
    /// meetings and its history, in memory (<see cref="Timeline"/>), not from a correlated query per row.
    /// </summary>
    public static Expression<Func<ActionItem, ActionRowCore>> ToRowCore() => a => new ActionRowCore(
        a.Id,
        a.Year,
        a.Sequence,
        a.Text,
        a.Kind,
        new List<string>(),
        new MeetingRef(a.RaisedAtMeeting.Id, a.RaisedAtMeeting.Title, a.RaisedAtMeeting.Date),
        a.RaisedAtAgendaItem == null ? null : a.RaisedAtAgendaItem.Number,
        a.RaisedAtAgendaItem == null ? null : a.RaisedAtAgendaItem.Title,
        a.DueKind,
        a.DuePhrase,
        a.DueDate,
        a.DueMeetingId,
        a.SeriesId,
        a.Status,
        a.Updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.Id).Select(u => (int?)u.Id).FirstOrDefault(),
        a.ClosedOn,
        a.Version);

    /// <summary>A part of the rule read for many actions in one query, each value with its action's id.</summary>
    public static Expression<Func<ActionItem, KeyValuePair<int, T>>> WithId<T>(Expression<Func<ActionItem, T>> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var action = part.Parameters[0];
        var pair = typeof(KeyValuePair<int, T>).GetConstructor([typeof(int), typeof(T)])!;
        return Expression.Lambda<Func<ActionItem, KeyValuePair<int, T>>>(
            Expression.New(pair, Expression.Property(action, nameof(ActionItem.Id)), part.Body), action);
    }

    private static Expression Inline<T>(Expression<Func<ActionItem, T>> part, ParameterExpression action) =>
        new Substitute(new Dictionary<ParameterExpression, Expression> { [part.Parameters[0]] = action }).Visit(part.Body);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}

/// <summary>An <see cref="ActionRow"/> as stored, before the carry-forward rule gives it its due meeting, times carried
/// and first due point (<see cref="CarryForward.Timeline.Complete"/>).</summary>
public sealed record ActionRowCore(
    int Id, int Year, int Sequence, string Text, ActionKind Kind, List<string> Owners, MeetingRef RaisedAt,
    string? ItemNumber, string? ItemTitle, DueKind DueKind, string? DuePhrase, DateOnly? DueDate, int? StoredDueMeetingId,
    int SeriesId, ActionStatus Status, int? LatestUpdateId, DateOnly? ClosedOn, int Version)
{
    public ActionFacts Facts => new(Id, Year, Sequence, SeriesId, RaisedAt.Id, RaisedAt.Date, DueKind, StoredDueMeetingId, DueDate, Status, ClosedOn);
}
