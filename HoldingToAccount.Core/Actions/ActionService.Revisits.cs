using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>A topic to come back to: "revisit the confidence strategy in 6 months". The wording gives the due point
/// unless a meeting is chosen. Given a meeting, it is raised in that meeting and counts from its date; without one it is
/// scheduled between meetings (see <see cref="ActionService.ScheduleRevisitAsync"/>).</summary>
public sealed record NewRevisit(int SeriesId, string Text, IReadOnlyList<string> OwnerCodes, int? RaisedAtMeetingId = null, int? DueMeetingId = null);

/// <summary>Revisits (ActionKind.Revisit): scheduled and moved by the secretariat, and turned into an agenda item of their meeting.</summary>
public sealed partial class ActionService
{
    /// <summary>
    /// Schedules a revisit. Between meetings (no meeting given) it is raised today: "in N months" counts from today, its
    /// reference is numbered in today's year, and it is recorded against the latest meeting of the series held by
    /// today — never a future one, so it is brought forward only to meetings after today and is not overdue at once.
    /// A due date binds to the first meeting of the series on or after it.
    /// </summary>
    public async Task<ActionRow> ScheduleRevisitAsync(NewRevisit input, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "schedule revisits");
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
            throw new DomainException("Write what is to be revisited, for example \"revisit the confidence strategy in 6 months\".");
        var today = London.Today(clock);
        int raisedAt;
        DateOnly raisedOn;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (input.RaisedAtMeetingId is { } id)
            {
                var meeting = await db.Meetings.Where(m => m.Id == id).Select(m => new { m.Id, m.Date, m.SeriesId }).SingleOrDefaultAsync(ct);
                if (meeting is null || meeting.SeriesId != input.SeriesId)
                    throw new DomainException("The meeting to record the revisit against is not one of the series' meetings.");
                (raisedAt, raisedOn) = (meeting.Id, meeting.Date);
            }
            else
            {
                var latest = await LatestMeetingByAsync(db, input.SeriesId, today, ct)
                    ?? throw new DomainException("The series has no meeting on or before today to record the revisit against; schedule it in its first meeting instead.");
                (raisedAt, raisedOn) = (latest, today);
            }
        }
        if (input.DueMeetingId is null && DuePhraseParser.Parse(text, raisedOn).NeedsDuePoint)
            throw new DomainException("Say when to revisit it (for example \"in 6 months\" or \"to the July meeting\"), or choose the meeting.");
        return await RaiseAsync(new NewAction(raisedAt, text, input.OwnerCodes, DueMeetingId: input.DueMeetingId, Kind: ActionKind.Revisit, RaisedOn: raisedOn), actor, ct);
    }

    /// <summary>The meeting a revisit scheduled between meetings is recorded against: the latest of the series held by
    /// <paramref name="today"/>, else the latest not cancelled on or before it.</summary>
    private static async Task<int?> LatestMeetingByAsync(Data.AppDbContext db, int seriesId, DateOnly today, CancellationToken ct)
    {
        var past = db.Meetings.Where(m => m.SeriesId == seriesId && m.Date <= today && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime);
        return await past.Where(m => m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Published).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct)
            ?? await past.Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Open revisits, earliest due first.</summary>
    public async Task<IReadOnlyList<ActionRow>> RevisitsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await RowsAsync(db, db.Actions.Where(a => a.Kind == ActionKind.Revisit).Where(ActionItem.Open)
            .OrderBy(a => a.Year).ThenBy(a => a.Sequence), Tomorrow(), ct);
        return rows.OrderBy(r => r.DueMeeting?.Date ?? r.DueDate ?? DateOnly.MaxValue).ToList();
    }

    /// <summary>Makes the revisit an agenda item of the meeting it is bound to, and closes it with a note saying where it went.</summary>
    public async Task<AgendaItemRow> PutRevisitOnAgendaAsync(string reference, int expectedVersion, string section, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "put a revisit on an agenda");
        var row = (await GetAsync(reference, ct))?.Action ?? throw new NotFoundException($"There is no action {reference}.");
        if (row.Kind != ActionKind.Revisit)
            throw new DomainException($"{row.Reference} is an action, not a revisit.");
        if (row.DueMeeting is not { } due)
            throw new DomainException($"Revisit {row.Reference} is not bound to a planned meeting yet; plan the meeting or move the revisit first.");
        AgendaItem? added = null;
        await ChangeAsync(reference, expectedVersion, actor, ct, async (db, action) =>
        {
            EnsureOpen(action);
            var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == due.Id, ct);
            if (meeting.Status != MeetingStatus.Planned)
                throw new DomainException($"{meeting.Title} is {meeting.Status.ToString().ToLowerInvariant()}; only a planned meeting's agenda can take the revisit.");
            var sections = await db.AgendaSections.Where(s => s.SeriesId == meeting.SeriesId).Select(s => s.Number).ToListAsync(ct);
            var chosen = section?.Trim() ?? "";
            if (!sections.Contains(chosen))
                throw new DomainException($"Choose one of the series' sections: {string.Join(", ", sections)}.");
            var item = added = new AgendaItem
            {
                Section = chosen,
                Number = AgendaNumbering.Next(chosen, meeting.AgendaItems.Select(i => i.Number)),
                Title = action.Text.Length > 500 ? action.Text[..497] + "…" : action.Text,
                Order = meeting.AgendaItems.Select(i => i.Order).DefaultIfEmpty(0).Max() + 1,
            };
            meeting.AgendaItems.Add(item);
            action.Close(London.Today(clock), null, $"Put on the agenda of {meeting.Title} as item {item.Number}.", actor.Name, clock.GetUtcNow().UtcDateTime);
        });
        return AgendaNumbering.ToRow(added!);
    }
}
