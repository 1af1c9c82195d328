using System.Linq.Expressions;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Insights;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoldingToAccount.Core.Reminders.Chasing;

/// <summary>An action due at a meeting whose owner has posted nothing since it was raised or last carried.</summary>
/// <param name="ChasedToday">A chase for it has already gone today.</param>
/// <param name="Request">The chair's outstanding request to chase it, if any.</param>
public sealed record ChaseCandidate(ActionRow Action, bool ChasedToday, ChaseRequestRow? Request);

public sealed record ChaseRequestRow(int Id, int ActionId, string Reference, int? MeetingId, string RequestedBy, DateTime RequestedAtUtc);

/// <summary>What to chase: the given actions (due at <paramref name="MeetingId"/> when named), with the secretariat's note.</summary>
public sealed record ChaseOrder(IReadOnlyList<int> ActionIds, int? MeetingId = null, string? Note = null);

/// <summary>One chase e-mail: to whom, about which action, and whether one already went to them about it today.</summary>
public sealed record ChaseMessage(
    string Recipient, string RecipientName, string Reference, int ActionId, IReadOnlyList<string> Roles, IReadOnlyList<string> VacantRoles,
    bool AlreadyChasedToday);

public sealed record ChasePreview(IReadOnlyList<ChaseMessage> Messages, IReadOnlyList<string> Unroutable)
{
    public int ToSend => Messages.Count(m => !m.AlreadyChasedToday);
    public int AlreadySent => Messages.Count(m => m.AlreadyChasedToday);
}

/// <summary>What a "send now" did: chases sent, those that had gone already today, and those the mail server did not take.</summary>
public sealed record ChaseOutcome(int Sent, int AlreadyChasedToday, int NotSent)
{
    public string Describe() =>
        (Sent, AlreadyChasedToday, NotSent) switch
        {
            (0, 0, 0) => "Nobody to chase: no owner could be written to.",
            (0, > 0, 0) => $"Already chased today: {Messages(AlreadyChasedToday)} went earlier today, so nothing more was sent.",
            _ => string.Join(" ", new[]
            {
                Sent > 0 ? $"{Messages(Sent)} sent." : null,
                AlreadyChasedToday > 0 ? $"{Messages(AlreadyChasedToday)} had gone earlier today and {(AlreadyChasedToday == 1 ? "was" : "were")} not sent again." : null,
                NotSent > 0 ? $"{Messages(NotSent)} could not be sent: see the Outbox." : null,
            }.Where(s => s is not null)),
        };

    private static string Messages(int n) => n == 1 ? "1 chase" : $"{n} chases";
}

/// <summary>
/// Chasing now: who has an action due at a meeting and has posted no update since it was raised or last carried, what a
/// chase would send (preview), and sending it — delivery rows of kind <see cref="ReminderKind.Chase"/> in the reminders'
/// own table (so they are in the Outbox, and go once per recipient, action and day), sent at once. Each chase sent,
/// and each request of the chair's to chase, is a <see cref="ChaseRequest"/> row and so in the audit trail.
/// </summary>
public sealed partial class ChaseService(
    IDbContextFactory<AppDbContext> factory,
    ActionService actions,
    ReminderPlanner planner,
    ReminderSender sender,
    TimeProvider clock,
    ILogger<ChaseService> logger)
{
    public const int MaxNoteLength = 2000;

    /// <summary>The action has an update of its owner's (not given at a meeting, not a decision) that no carrying came after.</summary>
    public static readonly Expression<Func<ActionItem, bool>> UpdatedSinceRaisedOrCarried =
        a => a.Updates.Any(u => u.MeetingId == null && u.Decision == Decision.None
            && !a.Periods.Any(p => p.Decision == Decision.Carried && p.RecordedAtUtc >= u.RecordedAtUtc));

    private DateOnly Today => London.Today(clock);

    /// <summary>The open actions due at a planned meeting with no update since raised or last carried; none once it is held.</summary>
    public async Task<IReadOnlyList<ChaseCandidate>> WithoutUpdateAsync(int meetingId, CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is not { Status: MeetingStatus.Planned })
                return [];
            ids = await db.Actions.Where(CarryForward.OutstandingAt(meeting)).Where(ActionItem.Open)
                .Where(Not(UpdatedSinceRaisedOrCarried)).Select(a => a.Id).ToListAsync(ct);
        }
        if (ids.Count == 0)
            return [];
        var rows = (await actions.OutstandingAtAsync(meetingId, ct)).Where(a => ids.Contains(a.Id)).ToList();
        var chased = await ChasedTodayAsync(ids, ct);
        var requests = (await RequestsAsync(ids, ct)).ToLookup(r => r.ActionId);
        return rows.Select(a => new ChaseCandidate(a, chased.Contains(a.Id), requests[a.Id].FirstOrDefault())).ToList();
    }

    /// <summary>"Updates received 48 h before the meeting: 7 of 9", by Insights' own rule (<see cref="UpdateNotice"/>),
    /// counting the actions <paramref name="reader"/> may read (<see cref="Publishing.Restriction"/>).</summary>
    public async Task<MeetingUpdateFigure?> UpdatesInTimeAsync(int meetingId, Actor? reader = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await UpdateNotice.FigureAsync(db, meetingId, reader, ct);
    }

    /// <summary>Who would be written to, about what; nothing is written.</summary>
    public async Task<ChasePreview> PreviewAsync(ChaseOrder order, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (due, unroutable) = await planner.RecipientsAsync(await RequestsForAsync(order, ct), Today, ct);
        var existing = await ExistingTodayAsync(due.Select(d => d.ActionItemId!.Value).Distinct().ToList(), ct);
        var references = await ReferencesAsync(due.Select(d => d.ActionItemId!.Value).Distinct().ToList(), ct);
        var messages = due.Select(d => new ChaseMessage(d.Recipient, d.RecipientName, references[d.ActionItemId!.Value], d.ActionItemId.Value,
                d.Roles, d.VacantRoles, existing.Contains((d.Recipient, d.ActionItemId.Value))))
            .OrderBy(m => m.RecipientName, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Reference, StringComparer.Ordinal)
            .ToList();
        return new ChasePreview(messages, unroutable);
    }

    /// <summary>Records and sends the chases now; a chase already gone to that person about that action today is not sent again.</summary>
    public async Task<ChaseOutcome> SendAsync(ChaseOrder order, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, "chase owners for an update");
        var note = string.IsNullOrWhiteSpace(order.Note) ? null : ControlCharacters.Strip(order.Note.Trim());
        if (note is { Length: > MaxNoteLength })
            throw new DomainException($"The note is too long: keep it to {MaxNoteLength} characters.");

        var (due, _) = await planner.RecipientsAsync(await RequestsForAsync(order, ct), Today, ct);
        var (_, created) = await planner.RecordNowAsync(due, ct);
        var already = due.Count - created.Count;
        if (created.Count == 0)
            return new ChaseOutcome(0, already, 0);

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Set<ReminderDelivery>().Where(d => created.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Note, note).SetProperty(d => d.RequestedBy, actor.Name), ct);
        }
        await RecordChasedAsync(due.Select(d => (d.ActionItemId!.Value, d.MeetingId)).Distinct().ToList(), actor, ct);

        var sent = 0;
        foreach (var id in created)
        {
            try
            {
                if (await sender.SendAsync(id, ct) == SendOutcome.Sent)
                    sent++;
            }
            catch (TransientEmailException ex)
            {
                // Left planned: the sweep sends it once the mail server answers again.
                LogLeftPlanned(logger, id, ex.Message);
            }
        }
        return new ChaseOutcome(sent, already, created.Count - sent);
    }

    /// <summary>The chair asks the secretariat to chase an action's owner; asking again while one is outstanding changes nothing.</summary>
    public async Task<ChaseRequestRow> RequestAsync(int actionId, int? meetingId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.RunMeetings, "ask for an owner to be chased");
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Actions.AnyAsync(a => a.Id == actionId, ct))
            throw new NotFoundException($"There is no action {actionId}.");
        var outstanding = await db.Set<ChaseRequest>().FirstOrDefaultAsync(r => r.ActionItemId == actionId && r.HandledAtUtc == null, ct);
        if (outstanding is null)
        {
            db.ActorName = actor.Name;
            outstanding = new ChaseRequest { ActionItemId = actionId, MeetingId = meetingId, RequestedBy = actor.Name, RequestedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Set<ChaseRequest>().Add(outstanding);
            await db.SaveChangesAsync(ct);
        }
        return (await RequestsAsync([actionId], ct)).Single(r => r.Id == outstanding.Id);
    }

    /// <summary>The secretariat sets a request aside without chasing.</summary>
    public async Task DismissAsync(int requestId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, "dismiss a request to chase");
        await using var db = await factory.CreateDbContextAsync(ct);
        var request = await db.Set<ChaseRequest>().SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException("That request to chase is no longer there.");
        if (request.HandledAtUtc is not null)
            return;
        db.ActorName = actor.Name;
        request.HandledAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The chair's outstanding requests to chase, for the given actions.</summary>
    public async Task<IReadOnlyList<ChaseRequestRow>> RequestsAsync(IReadOnlyCollection<int> actionIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<ChaseRequest>().Where(r => r.HandledAtUtc == null && actionIds.Contains(r.ActionItemId))
            .Join(db.Actions, r => r.ActionItemId, a => a.Id, (r, a) => new { r.Id, r.ActionItemId, a.Year, a.Sequence, r.MeetingId, r.RequestedBy, r.RequestedAtUtc })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.RequestedAtUtc)
            .Select(r => new ChaseRequestRow(r.Id, r.ActionItemId, ActionReference.Format(r.Year, r.Sequence), r.MeetingId, r.RequestedBy, r.RequestedAtUtc))
            .ToList();
    }

    /// <summary>The outstanding requests for the actions due at a meeting (<see cref="CarryForward.OutstandingAt"/>).</summary>
    public async Task<IReadOnlyList<ChaseRequestRow>> RequestsAtMeetingAsync(int meetingId, CancellationToken ct = default)
    {
        List<int> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is null)
                return [];
            ids = await db.Actions.Where(CarryForward.OutstandingAt(meeting)).Select(a => a.Id)
                .Union(db.Set<ChaseRequest>().Where(r => r.MeetingId == meetingId).Select(r => r.ActionItemId))
                .ToListAsync(ct);
        }
        return await RequestsAsync(ids, ct);
    }

    /// <summary>Whether a chase about the action went today (to anyone), for "already chased today".</summary>
    public async Task<bool> ChasedTodayAsync(int actionId, CancellationToken ct = default) =>
        (await ChasedTodayAsync([actionId], ct)).Contains(actionId);

    /// <summary>The escalated open actions among <paramref name="actionIds"/>, with the flag each shows.</summary>
    public async Task<IReadOnlyDictionary<int, EscalationFlag>> EscalationsAsync(IReadOnlyCollection<int> actionIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<Escalation>().AsNoTracking().Where(e => actionIds.Contains(e.ActionItemId)).ToListAsync(ct);
        if (rows.Count == 0)
            return new Dictionary<int, EscalationFlag>();
        var ids = rows.Select(e => e.ActionItemId).Distinct().ToList();
        var tomorrow = Today.AddDays(1);
        var open = (await CarryForward.Timeline.TimesCarriedAsync(db, db.Actions.Where(ActionItem.Open).Where(a => ids.Contains(a.Id)), tomorrow, ct))
            .ToDictionary(c => c.Action.Id, c => c.TimesCarried);
        return rows.Where(e => open.ContainsKey(e.ActionItemId)).GroupBy(e => e.ActionItemId)
            .ToDictionary(g => g.Key, g => new EscalationFlag(g.Key,
                g.Any(e => e.Reason == EscalationReason.Carried), open[g.Key],
                g.Where(e => e.Reason == EscalationReason.Overdue).Select(e => (int?)e.Threshold).Max(),
                g.Min(e => e.EscalatedOn)));
    }

    private async Task<List<ReminderRequest>> RequestsForAsync(ChaseOrder order, CancellationToken ct)
    {
        var ids = order.ActionIds.Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = Today;
        var rows = await db.Actions.Where(ActionItem.Open).Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.Year).ThenBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Year, a.Sequence, Owners = a.Owners.Select(o => o.Code).ToList() })
            .ToListAsync(ct);
        var boundTo = new Dictionary<int, int?>();
        if (order.MeetingId is null)
        {
            boundTo = (await db.Actions.Where(a => ids.Contains(a.Id))
                .Select(CarryForward.WithId(CarryForward.BoundDueMeetingId(db.Meetings))).ToListAsync(ct)).ToDictionary();
        }
        return rows.Select(a => new ReminderRequest(ReminderKind.Chase, a.Id, order.MeetingId ?? boundTo.GetValueOrDefault(a.Id), a.Owners,
                AlsoSecretariat: false, $"Chase for an update on {ActionReference.Format(a.Year, a.Sequence)} ({London.ShortDate(today)})"))
            .ToList();
    }

    private async Task<HashSet<int>> ChasedTodayAsync(List<int> actionIds, CancellationToken ct)
    {
        var today = Today;
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Set<ReminderDelivery>()
            .Where(d => d.Kind == ReminderKind.Chase && d.PlannedFor == today && d.ActionItemId != null && actionIds.Contains(d.ActionItemId.Value))
            .Select(d => d.ActionItemId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
    }

    private async Task<HashSet<(string, int)>> ExistingTodayAsync(List<int> actionIds, CancellationToken ct)
    {
        var today = Today;
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Set<ReminderDelivery>()
            .Where(d => d.Kind == ReminderKind.Chase && d.PlannedFor == today && d.ActionItemId != null && actionIds.Contains(d.ActionItemId.Value))
            .Select(d => new { d.Recipient, Id = d.ActionItemId!.Value }).ToListAsync(ct))
            .Select(d => (d.Recipient, d.Id)).ToHashSet();
    }

    private async Task<Dictionary<int, string>> ReferencesAsync(List<int> actionIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Actions.Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Year, a.Sequence }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => ActionReference.Format(a.Year, a.Sequence));
    }

    /// <summary>The chase goes in the audit trail as a handled request, and any request of the chair's for those actions is handled by it.</summary>
    private async Task RecordChasedAsync(List<(int ActionId, int? MeetingId)> chased, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = chased.Select(c => c.ActionId).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        foreach (var request in await db.Set<ChaseRequest>().Where(r => r.HandledAtUtc == null && ids.Contains(r.ActionItemId)).ToListAsync(ct))
            request.HandledAtUtc = now;
        foreach (var (actionId, meetingId) in chased)
            db.Set<ChaseRequest>().Add(new ChaseRequest { ActionItemId = actionId, MeetingId = meetingId, RequestedBy = actor.Name, RequestedAtUtc = now, HandledAtUtc = now });
        await db.SaveChangesAsync(ct);
    }

    private static Expression<Func<ActionItem, bool>> Not(Expression<Func<ActionItem, bool>> rule) =>
        Expression.Lambda<Func<ActionItem, bool>>(Expression.Not(rule.Body), rule.Parameters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chase {DeliveryId} left planned for the sweep: {Error}")]
    private static partial void LogLeftPlanned(ILogger logger, int deliveryId, string error);
}
