using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Publishing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Meetings;

public sealed partial class MeetingService(IDbContextFactory<AppDbContext> factory, ActionService actions, TimeProvider clock)
{
    public async Task<IReadOnlyList<MeetingSummary>> ListAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        if (from > to)
            throw new DomainException("The start of the range is after its end.");
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Meetings.AsQueryable();
        if (from is { } start)
            query = query.Where(m => m.Date >= start);
        if (to is { } end)
            query = query.Where(m => m.Date <= end);
        return await query.OrderBy(m => m.Date).ThenBy(m => m.StartTime).Select(Summary).ToListAsync(ct);
    }

    /// <summary>Meetings from today on, the next first: what the Meetings page opens on.</summary>
    public Task<Page<MeetingSummary>> UpcomingAsync(int skip = 0, int take = 25, CancellationToken ct = default) =>
        ListPageAsync(upcoming: true, skip, take, ct);

    /// <summary>Meetings before today, the most recent first.</summary>
    public Task<Page<MeetingSummary>> PastAsync(int skip = 0, int take = 25, CancellationToken ct = default) =>
        ListPageAsync(upcoming: false, skip, take, ct);

    private async Task<Page<MeetingSummary>> ListPageAsync(bool upcoming, int skip, int take, CancellationToken ct)
    {
        var today = London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = upcoming ? db.Meetings.Where(m => m.Date >= today) : db.Meetings.Where(m => m.Date < today);
        var total = await query.CountAsync(ct);
        var ordered = upcoming
            ? query.OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            : query.OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime);
        var items = await ordered.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).Select(Summary).ToListAsync(ct);
        return new Page<MeetingSummary>(items, total);
    }

    public async Task<MeetingSummary?> GetSummaryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Meetings.Where(m => m.Id == id).Select(Summary).SingleOrDefaultAsync(ct);
    }

    /// <summary>The first meeting that is not cancelled on or after <paramref name="from"/> (default today), optionally within one series.</summary>
    public async Task<MeetingSummary?> NextAsync(DateOnly? from = null, int? seriesId = null, CancellationToken ct = default)
    {
        var day = from ?? London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Meetings
            .Where(m => m.Date >= day && m.Status != MeetingStatus.Cancelled && (seriesId == null || m.SeriesId == seriesId))
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime)
            .Select(Summary).FirstOrDefaultAsync(ct);
    }

    public Task<MeetingDetail?> GetAsync(int id, CancellationToken ct = default) => GetAsync(id, reader: null, ct);

    /// <summary>A meeting as <paramref name="reader"/> may read it: restricted items and their actions left out for a
    /// viewer, as in the public notes (<see cref="Restriction"/>).</summary>
    public async Task<MeetingDetail?> GetAsync(int id, Actor? reader, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Series).ThenInclude(s => s.Sections)
            .Include(m => m.Attendees).Include(m => m.AgendaItems)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return null;

        var items = meeting.AgendaItems.VisibleTo(reader).OrderBy(i => i.Order)
            .Select(i => new AgendaItemRow(i.Id, i.Section, i.Number, i.Title, i.Questions, i.Findings, i.Deferred, i.Restricted)).ToList();
        var agenda = meeting.Series.Sections.OrderBy(s => s.Order)
            .Select(s => new AgendaSectionRow(s.Number, s.Title, items.Where(i => i.Section == s.Number).ToList(), s.Purpose))
            .ToList();
        var unsectioned = items.Where(i => agenda.All(s => s.Number != i.Section)).ToList();
        if (unsectioned.Count > 0)
            agenda.Add(new AgendaSectionRow("", "Other items", unsectioned));

        var attendees = meeting.Attendees.OrderBy(a => a.Attendance).ThenBy(a => a.Order)
            .Select(a => new AttendeeRow(a.Name, a.Capacity, a.Attendance)).ToList();
        var next = await NextAsync(meeting.Date.AddDays(1), meeting.SeriesId, ct);
        return new MeetingDetail(
            ToSummary(meeting), meeting.MinuteTaker, attendees, agenda,
            await actions.OutstandingAtAsync(id, reader, ct), await actions.RaisedAtAsync(id, reader, ct), next);
    }

    /// <summary>Plans the series' meetings from its recurrence for the months ahead, skipping months that already have one.</summary>
    public async Task<int> PlanScheduleAsync(int seriesId, DateOnly from, Actor actor, int months = 12, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "plan meetings");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var series = await db.Series.SingleOrDefaultAsync(s => s.Id == seriesId, ct)
            ?? throw new NotFoundException($"There is no meeting series {seriesId}.");
        if (string.IsNullOrWhiteSpace(series.Recurrence))
            throw new DomainException($"{series.Name} has no recurrence to plan meetings from.");
        var rule = Recurrence.Parse(series.Recurrence);
        var until = from.AddMonths(months);
        var taken = (await db.Meetings.Where(m => m.SeriesId == seriesId && m.Date >= from.AddMonths(-1) && m.Date < until.AddMonths(1))
                .Select(m => m.Date).ToListAsync(ct))
            .Select(d => (d.Year, d.Month)).ToHashSet();
        var planned = 0;
        foreach (var date in rule.Between(from, until).Where(d => !taken.Contains((d.Year, d.Month))))
        {
            db.Meetings.Add(new Meeting
            {
                SeriesId = seriesId,
                Title = Meeting.DefaultTitle(series.Name, date),
                Date = date,
                StartTime = rule.Time,
                Venue = series.DefaultVenue,
                Status = MeetingStatus.Planned,
                Version = 1,
            });
            planned++;
        }
        await db.SaveChangesAsync(ct);
        return planned;
    }

    /// <summary>Moves a meeting. Its actions follow it: they point at the meeting, not at the date.</summary>
    public async Task MoveAsync(int id, int expectedVersion, DateOnly date, Actor actor, TimeOnly? startTime = null, CancellationToken ct = default) =>
        await ChangeAsync(id, expectedVersion, actor, Permission.Administer, "move a meeting", ct, meeting =>
        {
            if (meeting.Status != MeetingStatus.Planned)
                throw new DomainException($"Only a planned meeting can be moved; this one is {meeting.Status.ToString().ToLowerInvariant()}.");
            meeting.Date = date;
            meeting.StartTime = startTime ?? meeting.StartTime;
        });

    /// <summary>Cancels a meeting. Actions due at it pass to the next meeting of the series that is not cancelled.</summary>
    public async Task CancelAsync(int id, int expectedVersion, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(id, expectedVersion, actor, Permission.Administer, "cancel a meeting", ct, meeting =>
        {
            if (meeting.Status != MeetingStatus.Planned)
                throw new DomainException($"Only a planned meeting can be cancelled; this one is {meeting.Status.ToString().ToLowerInvariant()}.");
            meeting.Status = MeetingStatus.Cancelled;
        });

    public async Task MarkHeldAsync(int id, int expectedVersion, Actor actor, CancellationToken ct = default) =>
        await ChangeAsync(id, expectedVersion, actor, Permission.RunMeetings, "mark a meeting held", ct, meeting =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
                throw new DomainException("A cancelled meeting cannot be marked held.");
            if (meeting.Date > London.Today(clock))
                throw new DomainException($"The meeting is on {London.ShortDate(meeting.Date)}; it cannot be marked held before then.");
            meeting.Status = MeetingStatus.Held;
        });

    private async Task ChangeAsync(int id, int expectedVersion, Actor actor, Permission permission, string doing, CancellationToken ct, Action<Meeting> change)
    {
        ActionPermissions.Demand(actor, permission, doing);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException($"There is no meeting {id}.");
        if (meeting.Version != expectedVersion)
            throw Stale();
        change(meeting);
        meeting.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
    }

    private static StaleEditException Stale() =>
        new("The meeting was changed by someone else since you opened it. Reload it to see their change, then try again.");

    private static readonly System.Linq.Expressions.Expression<Func<Meeting, MeetingSummary>> Summary =
        m => new MeetingSummary(m.Id, m.SeriesId, m.Series.Name, m.Title, m.Date, m.StartTime, m.Venue, m.Chair, m.Status, m.Version);

    private static MeetingSummary ToSummary(Meeting m) =>
        new(m.Id, m.SeriesId, m.Series.Name, m.Title, m.Date, m.StartTime, m.Venue, m.Chair, m.Status, m.Version);
}
