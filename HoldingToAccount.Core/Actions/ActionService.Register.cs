using System.Linq.Expressions;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

public sealed partial class ActionService
{
    /// <summary>The register: every filter, the sort and the page are applied by the database.</summary>
    public async Task<Page<ActionRow>> SearchAsync(RegisterQuery query, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (actions, before) = await RegisterFilteredAsync(db, query, ct);
        (skip, take) = (Math.Max(0, skip), Math.Clamp(take, 1, 500));
        if (query.Sort == RegisterSort.TimesCarried)
            return await SortedByTimesCarriedAsync(db, actions, query.Descending, before, skip, take, ct);
        var total = await actions.CountAsync(ct);
        var rows = await RowsAsync(db, Sort(actions, query.Sort, query.Descending).Skip(skip).Take(take), before, ct);
        return new Page<ActionRow>(rows, total);
    }

    /// <summary>Sorted by times carried, which the rule counts in memory for every matching action; ties newest first.</summary>
    private static async Task<Page<ActionRow>> SortedByTimesCarriedAsync(
        AppDbContext db, IQueryable<ActionItem> actions, bool descending, DateOnly before, int skip, int take, CancellationToken ct)
    {
        var carried = await CarryForward.Timeline.TimesCarriedAsync(db, actions, before, ct);
        var ordered = descending ? carried.OrderByDescending(c => c.TimesCarried) : carried.OrderBy(c => c.TimesCarried);
        var ids = ordered.ThenByDescending(c => c.Action.Year).ThenByDescending(c => c.Action.Sequence)
            .Skip(skip).Take(take).Select(c => c.Action.Id).ToList();
        var rows = (await RowsAsync(db, db.Actions.Where(a => ids.Contains(a.Id)), before, ct)).ToDictionary(r => r.Id);
        return new Page<ActionRow>(ids.Select(id => rows[id]).ToList(), carried.Count);
    }

    /// <summary>The actions matching <paramref name="filter"/>, newest first, <paramref name="size"/> at a time. Each batch
    /// continues after the last reference of the one before (a seek, not an offset), so reading the whole register is one
    /// pass over it however long it is. The meetings the rule reads are read once, as they stand when the run begins.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ActionRow>> BatchesAsync(
        ActionFilter filter, int size, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        size = Math.Clamp(size, 1, 5000);
        var before = Tomorrow();
        int? afterYear = null, afterSequence = null;
        CarryForward.Timeline.Calendar? calendar = null;
        while (true)
        {
            List<ActionRow> rows;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                // The meetings once for the whole run, not once a batch: a hundred batches would read them a hundred times.
                calendar ??= await CarryForward.Timeline.Calendar.ReadAllAsync(db, ct);
                var actions = Filtered(db, db.Actions, filter);
                if (afterYear is { } y && afterSequence is { } q)
                    actions = actions.Where(Older(y, q));
                rows = await RowsAsync(db, actions.OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence).Take(size), before, ct, calendar);
            }
            if (rows.Count > 0)
                yield return rows;
            if (rows.Count < size)
                yield break;
            (afterYear, afterSequence) = (rows[^1].Year, rows[^1].Sequence);
        }
    }

    /// <summary>How many actions match <paramref name="filter"/>.</summary>
    public async Task<int> CountAsync(ActionFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Filtered(db, db.Actions, filter).CountAsync(ct);
    }

    /// <summary>The register a page at a time in reference order, newest first, continuing after
    /// <paramref name="afterReference"/> (the last reference of the previous page): an action raised or changed meanwhile
    /// neither repeats a row nor skips one. <see cref="RegisterQuery.Sort"/> is ignored.</summary>
    public async Task<RegisterSlice> SliceAsync(RegisterQuery query, string? afterReference, int take, CancellationToken ct = default)
    {
        int? afterYear = null, afterSequence = null;
        if (!string.IsNullOrWhiteSpace(afterReference))
        {
            if (!ActionReference.TryParse(afterReference, out var year, out var sequence))
                throw new DomainException($"'{afterReference}' is not an action reference such as 2017-03.");
            (afterYear, afterSequence) = (year, sequence);
        }
        take = Math.Clamp(take, 1, 500);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (actions, before) = await RegisterFilteredAsync(db, query, ct);
        var total = await actions.CountAsync(ct);
        var rest = afterYear is { } y && afterSequence is { } q
            ? actions.Where(Older(y, q))
            : actions;
        var newerThanCursor = total - await rest.CountAsync(ct);
        var rows = await RowsAsync(db, rest.OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence).Take(take + 1), before, ct);
        var more = rows.Count > take;
        var items = more ? rows.Take(take).ToList() : rows;
        return new RegisterSlice(items, total, newerThanCursor / take + 1, more ? items[^1].Reference : null);
    }

    /// <summary>Actions older than the reference year/sequence: where a newest-first batch continues.</summary>
    /// <remarks>"Year ≤ year" says nothing the rest does not, but it is what lets PostgreSQL start its walk of the
    /// (Year, Sequence) index there: without it each batch of an export walked past every row already written.</remarks>
    private static Expression<Func<ActionItem, bool>> Older(int year, int sequence) =>
        a => a.Year <= year && (a.Year < year || (a.Year == year && a.Sequence < sequence));

    /// <summary>The register's filters, and the day before which "times carried" is counted (the day after today, or the
    /// day of the meeting <see cref="RegisterQuery.AtMeetingId"/> names).</summary>
    private async Task<(IQueryable<ActionItem> Actions, DateOnly Before)> RegisterFilteredAsync(AppDbContext db, RegisterQuery query, CancellationToken ct)
    {
        if (query.RaisedFrom > query.RaisedTo)
            throw new DomainException("The \"raised from\" date is after the \"raised to\" date.");
        var before = Tomorrow();
        var actions = Filtered(db, db.Actions.VisibleTo(query.Reader), new ActionFilter(query.Owner, query.Status, query.Text, query.SeriesId, query.OpenOnly));
        if (query.Kind is { } kind)
            actions = actions.Where(a => a.Kind == kind);
        if (query.RaisedFrom is { } from)
            actions = actions.Where(a => a.RaisedAtMeeting.Date >= from);
        if (query.RaisedTo is { } to)
            actions = actions.Where(a => a.RaisedAtMeeting.Date <= to);
        if (query.DueMeetingId is { } dueId)
        {
            var due = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == dueId, ct);
            var previous = due is null ? null : await db.Meetings
                .Where(m => m.SeriesId == due.SeriesId && m.Status != Meetings.MeetingStatus.Cancelled && m.Date < due.Date)
                .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
            var dueThere = due is null ? [] : await CarryForward.Timeline.DueAtAsync(db, due, previous, ct);
            actions = actions.Where(a => dueThere.Contains(a.Id));
        }
        if (query.OverdueOnly)
            actions = actions.Where(CarryForward.Overdue(db.Meetings, London.Today(clock)));
        if (query.ChangedSinceUtc is { } since)
            actions = actions.Where(a => db.ActionPeriods.Any(p => p.ActionItemId == a.Id && p.RecordedAtUtc >= since)
                || db.ActionUpdates.Any(u => u.ActionItemId == a.Id && u.RecordedAtUtc >= since));
        if (query.ClosedAtMeetingId is { } closedAt)
            actions = actions.Where(ActionItem.ClosedAt(closedAt));
        if (query.AtMeetingId is { } atId)
        {
            var at = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == atId, ct);
            // As the meeting's own page counts them: "times carried" as it stood when that meeting met.
            before = at?.Date ?? before;
            actions = at is null ? actions.Where(a => false) : actions.Where(CarryForward.OutstandingAt(at));
        }
        if (query.EscalatedOnly)
            actions = actions.Where(a => db.Set<Reminders.Chasing.Escalation>().Any(e => e.ActionItemId == a.Id));
        if (query.MinTimesCarried is > 0 and var min)
        {
            // Counted in memory from the series' meetings: in the database it would be a count of meetings per action.
            var carried = await CarryForward.Timeline.TimesCarriedAsync(db, actions, before, ct);
            var ids = carried.Where(c => c.TimesCarried >= min).Select(c => c.Action.Id).ToList();
            actions = db.Actions.Where(a => ids.Contains(a.Id));
        }
        return (actions, before);
    }

    /// <summary>Open actions per owner role: outstanding, overdue, and carried at least twice.</summary>
    public Task<IReadOnlyList<OwnerCounts>> CountsByOwnerAsync(CancellationToken ct = default) => CountsByOwnerAsync(reader: null, ct);

    /// <summary>The same, counting only the actions <paramref name="reader"/> may read (<see cref="Restriction"/>).</summary>
    public async Task<IReadOnlyList<OwnerCounts>> CountsByOwnerAsync(Actor? reader, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var open = db.Actions.VisibleTo(reader).Where(ActionItem.Open);
        var outstanding = await CountByOwnerAsync(open, ct);
        var overdue = await CountByOwnerAsync(open.Where(CarryForward.Overdue(db.Meetings, London.Today(clock))), ct);
        var carriedTwice = (await CarryForward.Timeline.TimesCarriedAsync(db, open, Tomorrow(), ct))
            .Where(c => c.TimesCarried >= 2).Select(c => c.Action.Id).ToList();
        var carried = await CountByOwnerAsync(db.Actions.Where(a => carriedTwice.Contains(a.Id)), ct);
        return outstanding.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new OwnerCounts(o.Key, o.Value, overdue.GetValueOrDefault(o.Key), carried.GetValueOrDefault(o.Key)))
            .ToList();
    }

    private static async Task<Dictionary<string, int>> CountByOwnerAsync(IQueryable<ActionItem> actions, CancellationToken ct) =>
        await actions.SelectMany(a => a.Owners.Select(o => o.Code))
            .GroupBy(code => code)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, ct);

    /// <summary>The role codes an action can be owned by, with their titles.</summary>
    public async Task<IReadOnlyList<RoleOption>> OwnerOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Roles.OrderBy(r => r.Code).Select(r => new RoleOption(r.Code, r.Title)).ToListAsync(ct);
    }

    private static IQueryable<ActionItem> Sort(IQueryable<ActionItem> actions, RegisterSort sort, bool descending)
    {
        IOrderedQueryable<ActionItem> ordered = sort switch
        {
            RegisterSort.Raised => descending ? actions.OrderByDescending(a => a.RaisedAtMeeting.Date) : actions.OrderBy(a => a.RaisedAtMeeting.Date),
            RegisterSort.Due => descending
                ? actions.OrderByDescending(a => a.DueMeeting != null ? a.DueMeeting.Date : a.DueDate)
                : actions.OrderBy(a => a.DueMeeting != null ? a.DueMeeting.Date : a.DueDate),
            RegisterSort.Status => descending ? actions.OrderByDescending(a => a.Status) : actions.OrderBy(a => a.Status),
            _ => descending ? actions.OrderByDescending(a => a.Year) : actions.OrderBy(a => a.Year),
        };
        return sort == RegisterSort.Reference
            ? descending ? ordered.ThenByDescending(a => a.Sequence) : ordered.ThenBy(a => a.Sequence)
            : ordered.ThenByDescending(a => a.Year).ThenByDescending(a => a.Sequence);
    }

    internal static Expression<Func<ActionItem, bool>> AtLeast(Expression<Func<ActionItem, int>> value, int minimum) =>
        Expression.Lambda<Func<ActionItem, bool>>(Expression.GreaterThanOrEqual(value.Body, Expression.Constant(minimum)), value.Parameters);

}

/// <summary>One page of <see cref="ActionService.SliceAsync"/>: its rows, how many match in all, the page's number at its
/// size, and the reference to continue after (null on the last page).</summary>
public sealed record RegisterSlice(IReadOnlyList<ActionRow> Items, int Total, int Number, string? ContinueAfter);

/// <summary>A role that can own actions: "CC", "Chief Constable".</summary>
public sealed record RoleOption(string Code, string Title)
{
    public string Label => $"{Code} – {Title}";
}
