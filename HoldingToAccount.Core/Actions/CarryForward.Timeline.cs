using System.Linq.Expressions;
using System.Reflection;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HoldingToAccount.Core.Actions;

public static partial class CarryForward
{
    /// <summary>
    /// The series' meetings and the actions' histories, read once for the rows of a page or an export batch, so that
    /// each row's due meeting, times carried and first due point come from the carry-forward rule run in memory.
    /// </summary>
    /// <remarks>A series has hundreds of meetings, not millions, so reading those the rows' lives span is cheaper than
    /// the correlated query per row the database would otherwise run. The rule is not written twice: the expressions above are
    /// rewritten from <see cref="Queryable"/> to <see cref="Enumerable"/> and compiled, once each.</remarks>
    public sealed class Timeline
    {
        private readonly Dictionary<int, Meeting> meetings;
        private readonly Dictionary<int, Meeting[]> series;
        private readonly Dictionary<int, ActionPeriod[]> periods;

        private Timeline(Calendar calendar, Dictionary<int, ActionPeriod[]> periods)
        {
            (meetings, series) = (calendar.ById, calendar.BySeries);
            this.periods = periods;
        }

        /// <summary>
        /// Meetings as the rule reads them, sorted within their series: those of the rows' series, or every meeting when
        /// read once for a run of batches (<see cref="ReadAllAsync"/>) so that each batch reads only its actions' histories.
        /// </summary>
        public sealed class Calendar
        {
            internal Calendar(Dictionary<int, Meeting> byId)
            {
                ById = byId;
                BySeries = byId.Values.GroupBy(m => m.SeriesId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Date).ThenBy(m => m.Id).ToArray());
            }

            internal Dictionary<int, Meeting> ById { get; }

            internal Dictionary<int, Meeting[]> BySeries { get; }

            /// <summary>Every meeting of every series: hundreds, or thousands in a register of hundreds of thousands of actions.</summary>
            public static async Task<Calendar> ReadAllAsync(AppDbContext db, CancellationToken ct)
            {
                ArgumentNullException.ThrowIfNull(db);
                return new Calendar(await AsTheRuleReadsThem(db.Meetings).ToDictionaryAsync(m => m.Id, ct));
            }

            internal static IQueryable<Meeting> AsTheRuleReadsThem(IQueryable<Meeting> meetings) => meetings.AsNoTracking()
                .Select(m => new Meeting { Id = m.Id, SeriesId = m.SeriesId, Title = m.Title, Date = m.Date, Status = m.Status });
        }

        /// <summary>Reads the rows' histories and the meetings the rule can read for them (unless <paramref name="calendar"/>
        /// holds them already): two queries, whatever the rows.</summary>
        public static Task<Timeline> ReadAsync(AppDbContext db, IReadOnlyCollection<ActionFacts> actions, CancellationToken ct, Calendar? calendar = null)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentNullException.ThrowIfNull(actions);
            var ids = actions.Select(a => a.Id).ToList();
            return ReadAsync(db, actions, db.ActionPeriods.Where(p => ids.Contains(p.ActionItemId)), ct, calendar);
        }

        private static async Task<Timeline> ReadAsync(
            AppDbContext db, IReadOnlyCollection<ActionFacts> actions, IQueryable<ActionPeriod>? histories, CancellationToken ct, Calendar? calendar = null)
        {
            if (actions.Count == 0)
                return new Timeline(calendar ?? new Calendar([]), []);
            var periods = histories is null ? [] : await ReadHistoriesAsync(db, histories, ct);
            calendar ??= await MeetingsForAsync(db, actions, periods, ct);
            foreach (var period in periods)
                period.DueMeeting = period.DueMeetingId is { } id ? calendar.ById.GetValueOrDefault(id) : null;
            return new Timeline(calendar, periods.GroupBy(p => p.ActionItemId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id).ToArray()));
        }

        /// <summary>What the rule reads of each period of <paramref name="histories"/>: the query's own command (its SQL and
        /// parameters as EF Core writes them for the provider), its rows read straight off the data reader.</summary>
        /// <remarks>A page of "carried at least" or an export reads every period of tens of thousands of actions; EF Core's
        /// materializer, with its value converters run column by column, took a fifth longer than the reader alone
        /// (325 against 271 ms for 90,786 periods). The columns are read by name, so the order EF Core writes them in does not matter.</remarks>
        private static async Task<List<ActionPeriod>> ReadHistoriesAsync(AppDbContext db, IQueryable<ActionPeriod> histories, CancellationToken ct)
        {
            var query = histories.AsNoTracking().Select(p => new
            {
                p.Id, p.ActionItemId, p.From, p.Decision, p.Status, p.DueKind, p.DueMeetingId, p.DueDate, p.DuePhrase,
            });
            var periods = new List<ActionPeriod>();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = query.CreateDbCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                await using var reader = await command.ExecuteReaderAsync(ct);
                var (id, action, from, decision, status, dueKind, dueMeeting, dueDate, duePhrase) = (
                    reader.GetOrdinal(nameof(ActionPeriod.Id)), reader.GetOrdinal(nameof(ActionPeriod.ActionItemId)),
                    reader.GetOrdinal(nameof(ActionPeriod.From)), reader.GetOrdinal(nameof(ActionPeriod.Decision)),
                    reader.GetOrdinal(nameof(ActionPeriod.Status)), reader.GetOrdinal(nameof(ActionPeriod.DueKind)),
                    reader.GetOrdinal(nameof(ActionPeriod.DueMeetingId)), reader.GetOrdinal(nameof(ActionPeriod.DueDate)),
                    reader.GetOrdinal(nameof(ActionPeriod.DuePhrase)));
                while (await reader.ReadAsync(ct))
                    periods.Add(new ActionPeriod
                    {
                        Id = reader.GetInt32(id),
                        ActionItemId = reader.GetInt32(action),
                        From = reader.GetFieldValue<DateOnly>(from),
                        Decision = StoredEnum.Parse<Decision>(reader.GetString(decision)),
                        Status = StoredEnum.Parse<ActionStatus>(reader.GetString(status)),
                        DueKind = StoredEnum.Parse<DueKind>(reader.GetString(dueKind)),
                        DueMeetingId = reader.IsDBNull(dueMeeting) ? null : reader.GetInt32(dueMeeting),
                        DueDate = reader.IsDBNull(dueDate) ? null : reader.GetFieldValue<DateOnly>(dueDate),
                        DuePhrase = reader.IsDBNull(duePhrase) ? null : reader.GetString(duePhrase),
                        Text = "", Owners = "", RecordedBy = "",
                    });
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return periods;
        }

        /// <summary>
        /// The meetings the rule can read for <paramref name="actions"/>: those of their series from the first day any of
        /// them was raised or is (or was) due on, and their due meetings wherever they are. A page of recent actions needs
        /// a handful, not the series' whole history.
        /// </summary>
        /// <remarks>The rule reads a series' meetings from a due point's first day or the raising meeting's on (never
        /// before), and a due meeting by id: one of another series (imported so) counts only for its date, as the database
        /// would join it.</remarks>
        private static async Task<Calendar> MeetingsForAsync(AppDbContext db, IReadOnlyCollection<ActionFacts> actions, List<ActionPeriod> periods, CancellationToken ct)
        {
            var seriesIds = actions.Select(a => a.SeriesId).Distinct().ToList();
            var dueMeetingIds = actions.Select(a => a.DueMeetingId).Concat(periods.Select(p => p.DueMeetingId)).OfType<int>().Distinct().ToList();
            var from = actions.Select(a => a.RaisedOn)
                .Concat(actions.Select(a => a.DueDate).Concat(periods.Select(p => p.DueDate)).OfType<DateOnly>())
                .Min();
            var meetings = await Calendar.AsTheRuleReadsThem(db.Meetings
                    .Where(m => (seriesIds.Contains(m.SeriesId) && m.Date >= from) || dueMeetingIds.Contains(m.Id)))
                .ToDictionaryAsync(m => m.Id, ct);
            // A due meeting before every action was raised (imported so): its series is read on from that meeting.
            var earlier = dueMeetingIds.Select(id => meetings.GetValueOrDefault(id)?.Date).Where(d => d < from).Min();
            if (earlier is { } day)
                foreach (var meeting in await Calendar.AsTheRuleReadsThem(db.Meetings
                    .Where(m => seriesIds.Contains(m.SeriesId) && m.Date >= day && m.Date < from)).ToListAsync(ct))
                    meetings[meeting.Id] = meeting;
            return new Calendar(meetings);
        }

        /// <summary>"Times carried" before <paramref name="before"/> of every action <paramref name="actions"/> holds,
        /// each with its facts: three queries however many there are, and the rule run in memory.</summary>
        public static async Task<IReadOnlyList<(ActionFacts Action, int TimesCarried)>> TimesCarriedAsync(
            AppDbContext db, IQueryable<ActionItem> actions, DateOnly before, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(db);
            var facts = await actions.Select(ToFacts()).ToListAsync(ct);
            var timeline = await ReadAsync(db, facts,
                db.ActionPeriods.Where(p => actions.Select(a => a.Id).Contains(p.ActionItemId)), ct);
            return facts.Select(a => (a, timeline.TimesCarried(a, before))).ToList();
        }

        /// <summary>The row as the register shows it, "times carried" counted before <paramref name="before"/>.</summary>
        public ActionRow Complete(ActionRowCore core, DateOnly before, IReadOnlyDictionary<int, LatestUpdate> updates)
        {
            ArgumentNullException.ThrowIfNull(core);
            ArgumentNullException.ThrowIfNull(updates);
            var facts = core.Facts;
            var action = Action(facts);
            var inSeries = InSeries(core.SeriesId);
            var dueMeetingId = BoundDueMeetingId(action);
            var firstDuePeriodId = Compiled.FirstDuePeriodId(inSeries, action);
            var firstDue = firstDuePeriodId is { } periodId && action.Periods.Find(p => p.Id == periodId) is { } period
                ? new DuePoint(period.DueKind, period.DuePhrase, period.DueDate, Ref(Compiled.PeriodBoundDueMeetingId(
                    Candidates(inSeries, period.DueKind, period.DueMeeting, period.DueDate, action), period, action)))
                : null;
            return new ActionRow(core.Id, core.Year, core.Sequence, core.Text, core.Kind, core.Owners, core.RaisedAt,
                core.ItemNumber, core.ItemTitle, core.DueKind, core.DuePhrase, core.DueDate, Ref(dueMeetingId), core.Status,
                TimesCarried(facts, before),
                core.LatestUpdateId is { } u ? updates[u] : null, core.ClosedOn, core.Version, firstDue);
        }

        /// <summary><see cref="CarryForward.BoundDueMeetingId"/> of the action as it is.</summary>
        private int? BoundDueMeetingId(ActionItem action) => Compiled.BoundDueMeetingId(
            Candidates(InSeries(action.SeriesId), action.DueKind, action.DueMeeting, action.DueDate, action), action);

        /// <summary>
        /// The ids of the actions whose due point binds to <paramref name="meeting"/> now (<see cref="CarryForward.BoundDueMeetingId"/>
        /// is its id): the few whose stored due point lies in its range (<see cref="DueAtCandidateIds"/>, index seeks), bound in memory.
        /// </summary>
        public static async Task<List<int>> DueAtAsync(AppDbContext db, Meeting meeting, DateOnly? previousDate, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentNullException.ThrowIfNull(meeting);
            var candidates = DueAtCandidateIds(db.Actions, db.Meetings, meeting, previousDate);
            var facts = await db.Actions.Where(a => candidates.Contains(a.Id) && a.SeriesId == meeting.SeriesId).Select(ToFacts()).ToListAsync(ct);
            var timeline = await ReadAsync(db, facts, histories: null, ct);
            return facts.Where(a => timeline.BoundDueMeetingId(timeline.Action(a)) == meeting.Id).Select(a => a.Id).ToList();
        }

        private Meeting[] InSeries(int seriesId) => series.GetValueOrDefault(seriesId) ?? [];

        private ActionPeriod[] History(int actionId) => periods.GetValueOrDefault(actionId) ?? [];

        /// <summary>
        /// <see cref="CarryForward.TimesCarried"/> in one walk over the held meetings of the action's life (after the
        /// meeting that raised it, before <paramref name="before"/>, not after it closed), beside its history: at each, the
        /// period in force before the meeting's day must be open and due by it, and the one in force on the day still open.
        /// </summary>
        /// <remarks>The database form counts meeting by meeting with two seeks each, which at thousands of rows is most of
        /// a page's or an export's time; here the due point's first day and the open rule are the same compiled
        /// expressions, and <c>CarryForwardInMemoryTests</c> holds both forms to the same answers. The periods are in id
        /// order and their start never goes back, so "the latest period before a day" only moves forward.</remarks>
        public int TimesCarried(ActionFacts action, DateOnly before)
        {
            ArgumentNullException.ThrowIfNull(action);
            var meetingsOfSeries = InSeries(action.SeriesId);
            var history = History(action.Id);
            var end = action.ClosedOn is { } closed && closed < before ? closed.AddDays(1) : before;
            var (inForceBefore, inForceOn, count) = (-1, -1, 0);
            for (var i = FirstAfter(meetingsOfSeries, action.RaisedOn); i < meetingsOfSeries.Length && meetingsOfSeries[i].Date < end; i++)
            {
                var meeting = meetingsOfSeries[i];
                if (!meeting.IsHeld)
                    continue;
                while (inForceBefore + 1 < history.Length && history[inForceBefore + 1].From < meeting.Date)
                    inForceBefore++;
                while (inForceOn + 1 < history.Length && history[inForceOn + 1].From <= meeting.Date)
                    inForceOn++;
                if (inForceBefore < 0 || inForceOn < 0)
                    continue;
                var agreed = history[inForceBefore];
                if (agreed.Status.IsOpen() && history[inForceOn].Status.IsOpen()
                    && meeting.Date >= FirstDueDayOf(agreed.DueKind, agreed.DueMeeting?.Date, agreed.DueDate, action.RaisedOn))
                    count++;
            }
            return count;
        }

        /// <summary>
        /// The only meetings a due point of <paramref name="action"/> can bind to, for the rule to choose
        /// among: from that day on, up to and including every meeting on the day of the first one not cancelled.
        /// </summary>
        /// <remarks>The rule sorts the meetings it is given; given the whole series it would sort hundreds for every
        /// row. A due point never binds before its first day, nor past the first day with a meeting that is not
        /// cancelled, and all the meetings of that day are kept, so the rule still settles a tie.</remarks>
        private static ArraySegment<Meeting> Candidates(Meeting[] sorted, DueKind kind, Meeting? dueMeeting, DateOnly? dueDate, ActionItem action)
        {
            if (FirstDueDayOf(kind, dueMeeting?.Date, dueDate, action.RaisedAtMeeting.Date) is not { } day)
                return ArraySegment<Meeting>.Empty;
            var start = day == DateOnly.MinValue ? 0 : FirstAfter(sorted, day.AddDays(-1));
            var end = start;
            while (end < sorted.Length && sorted[end].Status == MeetingStatus.Cancelled)
                end++;
            if (end < sorted.Length)
            {
                var boundDay = sorted[end].Date;
                while (end < sorted.Length && sorted[end].Date == boundDay)
                    end++;
            }
            return new ArraySegment<Meeting>(sorted, start, end - start);
        }

        /// <summary>The index of the first meeting after <paramref name="day"/> in meetings sorted by date.</summary>
        private static int FirstAfter(Meeting[] sorted, DateOnly day)
        {
            var (low, high) = (0, sorted.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (sorted[middle].Date > day)
                    high = middle;
                else
                    low = middle + 1;
            }
            return low;
        }

        private MeetingRef? Ref(int? meetingId) =>
            meetingId is { } id && meetings.GetValueOrDefault(id) is { } m ? new MeetingRef(m.Id, m.Title, m.Date) : null;

        /// <summary>The action as the rule reads it: its series, the meeting that raised it, its due point and history.</summary>
        private ActionItem Action(ActionFacts facts) => new()
        {
            Id = facts.Id,
            Text = "",
            SeriesId = facts.SeriesId,
            RaisedAtMeetingId = facts.RaisedAtMeetingId,
            RaisedAtMeeting = meetings.GetValueOrDefault(facts.RaisedAtMeetingId)
                ?? new Meeting { Id = facts.RaisedAtMeetingId, SeriesId = facts.SeriesId, Title = "", Date = facts.RaisedOn },
            DueKind = facts.DueKind,
            DueMeetingId = facts.DueMeetingId,
            DueMeeting = facts.DueMeetingId is { } id ? meetings.GetValueOrDefault(id) : null,
            DueDate = facts.DueDate,
            Status = facts.Status,
            ClosedOn = facts.ClosedOn,
            Periods = [.. History(facts.Id)],
        };
    }

    /// <summary>What the rule reads of an action's own row, and its reference.</summary>
    public static Expression<Func<ActionItem, ActionFacts>> ToFacts() => a => new ActionFacts(
        a.Id, a.Year, a.Sequence, a.SeriesId, a.RaisedAtMeetingId, a.RaisedAtMeeting.Date, a.DueKind, a.DueMeetingId, a.DueDate, a.Status, a.ClosedOn);

    private static Func<DueKind, DateOnly?, DateOnly?, DateOnly, DateOnly?>? firstDueDayOf;

    /// <summary><see cref="FirstDueDayRule"/> compiled (on first use: the rule is a static field of another file of this class).</summary>
    private static Func<DueKind, DateOnly?, DateOnly?, DateOnly, DateOnly?> FirstDueDayOf => firstDueDayOf ??= FirstDueDayRule.Compile();

    /// <summary>The rule's expressions compiled for lists: the series' meetings are the first argument.</summary>
    private static class Compiled
    {
        private static readonly IQueryable<Meeting> Placeholder = Array.Empty<Meeting>().AsQueryable();

        public static readonly Func<IEnumerable<Meeting>, ActionItem, int?> BoundDueMeetingId =
            Compile(CarryForward.BoundDueMeetingId(Placeholder));

        public static readonly Func<IEnumerable<Meeting>, ActionItem, int?> FirstDuePeriodId = Compile(CarryForward.FirstDuePeriodId());

        private static readonly Func<IEnumerable<Meeting>, ActionPeriod, ActionItem, int?> periodBound =
            CompileForPeriod(CarryForward.PeriodBoundDueMeetingId(Placeholder));

        public static int? PeriodBoundDueMeetingId(IEnumerable<Meeting> meetings, ActionPeriod period, ActionItem action) =>
            periodBound(meetings, period, action);

        private static Func<IEnumerable<Meeting>, ActionItem, T> Compile<T>(Expression<Func<ActionItem, T>> rule)
        {
            var meetings = Expression.Parameter(typeof(IEnumerable<Meeting>), "meetings");
            return Expression.Lambda<Func<IEnumerable<Meeting>, ActionItem, T>>(
                OnceEach.Apply(new ToEnumerable(meetings).Visit(rule.Body)), meetings, rule.Parameters[0]).Compile();
        }

        private static Func<IEnumerable<Meeting>, ActionPeriod, ActionItem, T> CompileForPeriod<T>(Expression<Func<ActionPeriod, ActionItem, T>> rule)
        {
            var meetings = Expression.Parameter(typeof(IEnumerable<Meeting>), "meetings");
            return Expression.Lambda<Func<IEnumerable<Meeting>, ActionPeriod, ActionItem, T>>(
                OnceEach.Apply(new ToEnumerable(meetings).Visit(rule.Body)), meetings, rule.Parameters[0], rule.Parameters[1]).Compile();
        }

        /// <summary>
        /// Compiles each lambda inside the rule (the condition of a <c>Where</c>, the key of an <c>OrderBy</c>) once, and
        /// binds it to what it reads of the enclosing lambdas (the action, the period) with an ordinary closure.
        /// </summary>
        /// <remarks>A compiled expression makes a new delegate for each inner lambda every time it runs, through
        /// <see cref="System.Reflection.Emit.DynamicMethod"/>, which costs microseconds: three times per row, that was
        /// most of an export's time.</remarks>
        private sealed class OnceEach : ExpressionVisitor
        {
            private static readonly MethodInfo BindMethod = typeof(OnceEach).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

            public static Expression Apply(Expression body) => new OnceEach().Visit(body);

            protected override Expression VisitLambda<TDelegate>(Expression<TDelegate> node)
            {
                if (node.Parameters.Count != 1)
                    throw new NotSupportedException("Only lambdas of one parameter are compiled once each.");
                var body = Visit(node.Body);
                var item = node.Parameters[0];
                var captured = Free.Of(body, item);
                if (captured.Count == 0)
                    return Expression.Constant(Expression.Lambda(node.Type, body, item).Compile(), node.Type);
                var capture = captured.Count == 1 ? captured[0] : (Expression)Expression.New(TupleOf(captured.Select(c => c.Type).ToArray()).GetConstructors()[0], captured);
                var held = Expression.Parameter(capture.Type, "captured");
                var reads = captured.Count == 1
                    ? new Dictionary<ParameterExpression, Expression> { [captured[0]] = held }
                    : captured.Select((c, i) => (c, (Expression)Expression.Field(held, $"Item{i + 1}"))).ToDictionary(x => x.c, x => x.Item2);
                var rule = Expression.Lambda(typeof(Func<,,>).MakeGenericType(item.Type, held.Type, body.Type), new Substitute(reads).Visit(body), item, held).Compile();
                return Expression.Call(BindMethod.MakeGenericMethod(item.Type, held.Type, body.Type), Expression.Constant(rule), capture);
            }

            private static Func<T, TResult> Bind<T, TCaptured, TResult>(Func<T, TCaptured, TResult> rule, TCaptured captured) =>
                item => rule(item, captured);

            private static Type TupleOf(Type[] types) => types.Length switch
            {
                2 => typeof(ValueTuple<,>).MakeGenericType(types),
                3 => typeof(ValueTuple<,,>).MakeGenericType(types),
                _ => throw new NotSupportedException("An inner lambda reads more than three enclosing parameters."),
            };

            /// <summary>The parameters a lambda's body reads that are not its own.</summary>
            private sealed class Free(ParameterExpression own) : ExpressionVisitor
            {
                private readonly List<ParameterExpression> found = [];

                public static List<ParameterExpression> Of(Expression body, ParameterExpression own)
                {
                    var free = new Free(own);
                    free.Visit(body);
                    return free.found;
                }

                protected override Expression VisitParameter(ParameterExpression node)
                {
                    if (node != own && !found.Contains(node))
                        found.Add(node);
                    return node;
                }
            }
        }

        /// <summary>Puts the list of meetings where the query had the database's, and each <see cref="Queryable"/>
        /// operator's <see cref="Enumerable"/> twin in its place.</summary>
        private sealed class ToEnumerable(ParameterExpression meetings) : ExpressionVisitor
        {
            protected override Expression VisitMember(MemberExpression node) =>
                node.Expression is ConstantExpression { Value: { } closure } && node.Member is FieldInfo field
                    && ReferenceEquals(field.GetValue(closure), Placeholder)
                    ? meetings
                    : base.VisitMember(node);

            /// <remarks>The database reads a missing meeting's date as null; in memory it would throw.</remarks>
            protected override Expression VisitUnary(UnaryExpression node)
            {
                if (node is not { NodeType: ExpressionType.Convert, Operand: MemberExpression { Expression: MemberExpression navigation } member }
                    || Nullable.GetUnderlyingType(node.Type) is null || navigation.Type.IsValueType)
                    return base.VisitUnary(node);
                var target = Visit(navigation);
                return Expression.Condition(Expression.Equal(target, Expression.Constant(null, target.Type)),
                    Expression.Constant(null, node.Type), Expression.Convert(Expression.MakeMemberAccess(target, member.Member), node.Type));
            }

            protected override Expression VisitConstant(ConstantExpression node) =>
                ReferenceEquals(node.Value, Placeholder) ? meetings : node;

            protected override Expression VisitMethodCall(MethodCallExpression node)
            {
                if (node.Method.DeclaringType != typeof(Queryable))
                    return base.VisitMethodCall(node);
                var arguments = node.Arguments.Select(Visit)
                    .Select(a => a is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : a!).ToArray();
                return Expression.Call(Twin(node.Method, arguments), arguments);
            }

            private static MethodInfo Twin(MethodInfo method, Expression[] arguments)
            {
                var generic = method.GetGenericArguments();
                foreach (var candidate in typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static))
                {
                    if (candidate.Name != method.Name || candidate.GetParameters().Length != arguments.Length
                        || candidate.GetGenericArguments().Length != generic.Length)
                        continue;
                    var made = generic.Length == 0 ? candidate : candidate.MakeGenericMethod(generic);
                    if (made.GetParameters().Select((p, i) => p.ParameterType.IsAssignableFrom(arguments[i].Type)).All(fits => fits))
                        return made;
                }
                throw new InvalidOperationException($"No Enumerable operator stands for Queryable.{method.Name}.");
            }
        }
    }
}

/// <summary>What the carry-forward rule reads of an action's own row (<see cref="CarryForward.Timeline"/>), with its reference.</summary>
public sealed record ActionFacts(
    int Id, int Year, int Sequence, int SeriesId, int RaisedAtMeetingId, DateOnly RaisedOn, DueKind DueKind, int? DueMeetingId,
    DateOnly? DueDate, ActionStatus Status, DateOnly? ClosedOn);
