using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Insights;

/// <summary>
/// The figures of the Insights page and the board's performance summary: one query per figure, each counted with the
/// register's own rules (<see cref="CarryForward"/>, <see cref="ActionItem.Open"/>) so that the register, filtered as the
/// figure's link says, lists exactly the actions behind the number — for a viewer too, so each figure counts only the
/// actions the reader may see (<see cref="Restriction"/>; a null reader is the product itself, which counts them all).
/// </summary>
public sealed class InsightsService(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    /// <summary>An update is in time when it reaches the register at least this long before the meeting starts.</summary>
    public const int UpdateNoticeHours = UpdateNotice.Hours;

    /// <summary>
    /// The query the page opens with, and fills in what a link left out: the series asked for (or the one with most held
    /// meetings), and the twelve months up to its latest held meeting, so a register whose last meetings were long ago
    /// still opens on its own latest year rather than an empty one.
    /// </summary>
    public async Task<InsightsQuery?> QueryAsync(int? seriesId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var series = seriesId is { } id && await db.Series.AnyAsync(s => s.Id == id, ct)
            ? id
            : await db.Series.OrderByDescending(s => s.Meetings.Count(m => m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published))
                .ThenBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (series is not { } chosen)
            return null;
        var end = to ?? await db.Meetings
            .Where(m => m.SeriesId == chosen && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published))
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct)
            ?? London.Today(clock);
        var start = from ?? end.AddYears(-1).AddDays(1);
        return start <= end ? new InsightsQuery(chosen, start, end) : new InsightsQuery(chosen, end, start);
    }

    /// <summary>The financial years (1 April to 31 March) in which the series held a meeting, latest first.</summary>
    public async Task<IReadOnlyList<InsightsQuery>> FinancialYearsAsync(int seriesId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var dates = await db.Meetings
            .Where(m => m.SeriesId == seriesId && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published))
            .Select(m => m.Date).ToListAsync(ct);
        return dates.Select(d => d.Month >= 4 ? d.Year : d.Year - 1).Distinct().OrderDescending()
            .Select(y => new InsightsQuery(seriesId, new DateOnly(y, 4, 1), new DateOnly(y + 1, 3, 31)))
            .ToList();
    }

    public async Task<InsightsFigures> AllAsync(InsightsQuery query, Actor? reader = null, CancellationToken ct = default)
    {
        var (updates, byMeeting) = await UpdatesInTimeAsync(query, reader, ct);
        var revisits = await RevisitPipelineAsync(query.SeriesId, reader, ct);
        return new InsightsFigures(query, await MeetingsAsync(query, reader, ct), updates, byMeeting,
            await CloseTimesAsync(query, reader, ct), await CarriedAsync(query, reader, ct), revisits.Months, revisits.WithoutDate,
            await EscalationsAsync(query, reader, ct));
    }

    /// <summary>The held meetings of the period: brought forward (<see cref="CarryForward.OutstandingAt"/>), of those
    /// already carried at least once before the meeting, and the actions closed at it.</summary>
    public async Task<IReadOnlyList<MeetingPoint>> MeetingsAsync(InsightsQuery query, Actor? reader = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var points = new List<MeetingPoint>();
        foreach (var meeting in await HeldAsync(db, query, ct))
        {
            var outstanding = db.Actions.VisibleTo(reader).Where(CarryForward.OutstandingAt(meeting));
            points.Add(new MeetingPoint(meeting.Id, meeting.Title, meeting.Date,
                await outstanding.CountAsync(ct),
                await outstanding.Where(ActionService.AtLeast(CarryForward.TimesCarried(db.Meetings, meeting.Date), 1)).CountAsync(ct),
                await db.Actions.VisibleTo(reader).Where(ActionItem.ClosedAt(meeting.Id)).CountAsync(ct)));
        }
        return points;
    }

    /// <summary>
    /// Per owner role: of the actions brought forward to each held meeting of the period, those with an update
    /// posted since the previous meeting of the series began and at least <see cref="UpdateNoticeHours"/> hours before
    /// this one began (an update given at a meeting, or a decision, is not one). An action owned by two roles counts for each.
    /// </summary>
    public async Task<(IReadOnlyList<OwnerUpdates> Owners, IReadOnlyList<MeetingOwnerUpdates> ByMeeting)> UpdatesInTimeAsync(
        InsightsQuery query, Actor? reader = null, CancellationToken ct = default)
    {
        var now = await ByMeetingAsync(query, reader, ct);
        var before = await ByMeetingAsync(query.Previous(), reader, ct);
        var owners = now.Select(m => m.Owner).Concat(before.Select(m => m.Owner)).Distinct().Order(StringComparer.Ordinal);
        var totals = owners.Select(owner => new OwnerUpdates(owner,
                now.Where(m => m.Owner == owner).Sum(m => m.InTime), now.Where(m => m.Owner == owner).Sum(m => m.Due),
                before.Where(m => m.Owner == owner).Sum(m => m.InTime), before.Where(m => m.Owner == owner).Sum(m => m.Due)))
            .Where(o => o.Due > 0)
            .ToList();
        return (totals, now);
    }

    private async Task<List<MeetingOwnerUpdates>> ByMeetingAsync(InsightsQuery query, Actor? reader, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var result = new List<MeetingOwnerUpdates>();
        foreach (var meeting in await HeldAsync(db, query, ct))
        {
            var window = await UpdateNotice.WindowAsync(db, meeting, ct);
            var outstanding = db.Actions.VisibleTo(reader).Where(CarryForward.OutstandingAt(meeting));
            var inTime = (await outstanding.Where(UpdateNotice.InTime(window)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            var actions = (await outstanding.Select(a => new { a.Id, Owners = a.Owners.Select(o => o.Code).ToList() }).ToListAsync(ct))
                .Select(a => new { a.Owners, InTime = inTime.Contains(a.Id) });
            result.AddRange(actions.SelectMany(a => a.Owners.Select(o => (Owner: o, a.InTime)))
                .GroupBy(a => a.Owner)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new MeetingOwnerUpdates(meeting.Id, g.Key, g.Count(a => a.InTime), g.Count())));
        }
        return result;
    }

    /// <summary>Per owner role: actions raised in the period and closed since, with the median days from the meeting
    /// that raised them to the day they were closed.</summary>
    public async Task<IReadOnlyList<OwnerCloseTime>> CloseTimesAsync(InsightsQuery query, Actor? reader = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var closed = await RaisedIn(db, query, reader)
            .Where(a => a.Status == ActionStatus.Closed && a.ClosedOn != null)
            .Select(a => new { Owners = a.Owners.Select(o => o.Code).ToList(), Raised = a.RaisedAtMeeting.Date, Closed = a.ClosedOn!.Value })
            .ToListAsync(ct);
        return closed.SelectMany(a => a.Owners.Select(o => (Owner: o, Days: a.Closed.DayNumber - a.Raised.DayNumber)))
            .GroupBy(a => a.Owner)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OwnerCloseTime(g.Key, g.Count(), Median(g.Select(a => a.Days).ToList())))
            .ToList();
    }

    /// <summary>Per owner role: actions raised in the period, and those carried twice or more (counted as the register
    /// counts "times carried" today).</summary>
    public async Task<IReadOnlyList<OwnerCarried>> CarriedAsync(InsightsQuery query, Actor? reader = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var raised = RaisedIn(db, query, reader);
        var tomorrow = London.Today(clock).AddDays(1);
        var all = await CountByOwnerAsync(raised, ct);
        var carried = await CountByOwnerAsync(raised.Where(ActionService.AtLeast(CarryForward.TimesCarried(db.Meetings, tomorrow), 2)), ct);
        return all.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new OwnerCarried(o.Key, o.Value, carried.GetValueOrDefault(o.Key)))
            .ToList();
    }

    /// <summary>Per owner role: actions raised in the period, and those escalated since for slipping (the register's
    /// "escalated" filter).</summary>
    public async Task<IReadOnlyList<OwnerEscalations>> EscalationsAsync(InsightsQuery query, Actor? reader = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var raised = RaisedIn(db, query, reader);
        var all = await CountByOwnerAsync(raised, ct);
        var escalated = await CountByOwnerAsync(raised.Where(a => db.Set<Reminders.Chasing.Escalation>().Any(e => e.ActionItemId == a.Id)), ct);
        return all.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new OwnerEscalations(o.Key, o.Value, escalated.GetValueOrDefault(o.Key)))
            .ToList();
    }

    /// <summary>The open revisits of the series by the month they are due: the month of the meeting their due point
    /// binds to (<see cref="CarryForward.BoundDueMeetingId"/>), or of their due date while no meeting is planned then.
    /// Not limited to the period: it is what is still to come back.</summary>
    public async Task<(IReadOnlyList<RevisitMonth> Months, int WithoutDate)> RevisitPipelineAsync(int seriesId, Actor? reader = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var revisits = await db.Actions.VisibleTo(reader).Where(ActionItem.Open)
            .Where(a => a.SeriesId == seriesId && a.Kind == ActionKind.Revisit)
            .Select(CarryForward.BoundDueMeetingId(db.Meetings))
            .ToListAsync(ct);
        var undatedDates = await db.Actions.VisibleTo(reader).Where(ActionItem.Open)
            .Where(a => a.SeriesId == seriesId && a.Kind == ActionKind.Revisit && a.DueKind == DueKind.Date)
            .Where(a => !db.Meetings.Any(m => m.SeriesId == a.SeriesId && m.Status != MeetingStatus.Cancelled && m.Date >= a.DueDate))
            .Select(a => a.DueDate!.Value)
            .ToListAsync(ct);
        var meetingIds = revisits.OfType<int>().Distinct().ToList();
        var dates = await db.Meetings.Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Date, ct);
        var dated = revisits.OfType<int>().Select(id => (Month: MonthOf(dates[id]), MeetingId: (int?)id))
            .Concat(undatedDates.Select(d => (Month: MonthOf(d), MeetingId: (int?)null)));
        var months = dated.GroupBy(r => r.Month)
            .OrderBy(g => g.Key)
            .Select(g => new RevisitMonth(g.Key, g.Count(),
                g.All(r => r.MeetingId is not null) && g.Select(r => r.MeetingId).Distinct().Count() == 1 ? g.First().MeetingId : null))
            .ToList();
        return (months, revisits.Count(r => r is null) - undatedDates.Count);
    }

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    private static IQueryable<ActionItem> RaisedIn(AppDbContext db, InsightsQuery query, Actor? reader) =>
        db.Actions.VisibleTo(reader).Where(a => a.SeriesId == query.SeriesId && a.RaisedAtMeeting.Date >= query.From && a.RaisedAtMeeting.Date <= query.To);

    private static async Task<List<Meeting>> HeldAsync(AppDbContext db, InsightsQuery query, CancellationToken ct) =>
        await db.Meetings.AsNoTracking()
            .Where(m => m.SeriesId == query.SeriesId && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published)
                && m.Date >= query.From && m.Date <= query.To)
            .OrderBy(m => m.Date)
            .ToListAsync(ct);

    private static async Task<Dictionary<string, int>> CountByOwnerAsync(IQueryable<ActionItem> actions, CancellationToken ct) =>
        await actions.SelectMany(a => a.Owners.Select(o => o.Code))
            .GroupBy(code => code)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, ct);

    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
