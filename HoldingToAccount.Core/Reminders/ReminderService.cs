using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Reminders;

public sealed record ReminderDeliveryRow(
    int Id, ReminderKind Kind, string Recipient, string RecipientName, string SubjectKey, int? MeetingId, int? ActionItemId,
    DateOnly PlannedFor, string RoleCodes, string VacantRoleCodes, ReminderStatus Status, DateTime CreatedAtUtc,
    DateTime? SentAtUtc, int Attempts, string? Reason, string? Subject, string? MeetingTitle = null, string? ActionReference = null);

/// <summary>One reminder the next sweep would find due, and what has happened to it already (null: it would be new).</summary>
public sealed record SweepPreviewRow(PlannedReminder Reminder, ReminderStatus? Existing, int? DeliveryId);

public sealed record SweepPreview(DateTimeOffset AsOf, IReadOnlyList<SweepPreviewRow> Rows, IReadOnlyList<string> Unroutable)
{
    public int New => Rows.Count(r => r.Existing is null);
}

public sealed record OutboxFilter(ReminderStatus? Status = null, ReminderKind? Kind = null, string? Recipient = null);

/// <summary>What the Outbox page needs: the deliveries by status, a resend of a failed one, and a preview of the next sweep.</summary>
public sealed class ReminderService(
    IDbContextFactory<AppDbContext> factory,
    ReminderPlanner planner,
    ReminderSweep sweep,
    IReminderQueue queue,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    TimeProvider clock)
{
    public async Task<Page<ReminderDeliveryRow>> ListAsync(OutboxFilter filter, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Set<ReminderDelivery>().AsNoTracking();
        if (filter.Status is { } status)
            query = query.Where(d => d.Status == status);
        if (filter.Kind is { } kind)
            query = query.Where(d => d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var text = filter.Recipient.Trim().ToLowerInvariant();
            query = query.Where(d => d.Recipient.Contains(text) || d.RecipientName.ToLower().Contains(text));
        }
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(d => d.PlannedFor).ThenByDescending(d => d.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .Select(d => new ReminderDeliveryRow(d.Id, d.Kind, d.Recipient, d.RecipientName, d.SubjectKey, d.MeetingId, d.ActionItemId,
                d.PlannedFor, d.RoleCodes, d.VacantRoleCodes, d.Status, d.CreatedAtUtc, d.SentAtUtc, d.Attempts, d.Reason, d.Subject))
            .ToListAsync(ct);
        var meetingIds = rows.Where(r => r.MeetingId is not null).Select(r => r.MeetingId!.Value).Distinct().ToList();
        var actionIds = rows.Where(r => r.ActionItemId is not null).Select(r => r.ActionItemId!.Value).Distinct().ToList();
        var meetings = await db.Meetings.Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var references = (await db.Actions.Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Year, a.Sequence }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => ActionReference.Format(a.Year, a.Sequence));
        rows = rows.Select(r => r with
        {
            MeetingTitle = r.MeetingId is { } m ? meetings.GetValueOrDefault(m) : null,
            ActionReference = r.ActionItemId is { } a ? references.GetValueOrDefault(a) : null,
        }).ToList();
        return new Page<ReminderDeliveryRow>(rows, total);
    }

    public async Task<IReadOnlyDictionary<ReminderStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = await db.Set<ReminderDelivery>().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<ReminderStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>Puts a failed (or stuck planned) delivery back to planned and queues it. Sent ones are never resent.</summary>
    public async Task ResendAsync(int id, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, "resend a reminder");
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Set<ReminderDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException($"There is no reminder {id}.");
        if (row.Status == ReminderStatus.Sent)
            throw new DomainException($"Reminder {id} was sent on {London.ShortDate(DateOnly.FromDateTime(row.SentAtUtc ?? row.CreatedAtUtc))}; it is not sent twice.");
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Set<ReminderDelivery>()
            .Where(d => d.Id == id && d.Status != ReminderStatus.Sent && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, ReminderStatus.Planned)
                .SetProperty(d => d.Reason, $"Resend requested by {actor.Name}")
                .SetProperty(d => d.ClaimedUntilUtc, (DateTime?)null), ct);
        if (changed == 0)
            throw new DomainException($"Reminder {id} is being sent right now.");
        await queue.EnqueueAsync([id], ct);
    }

    /// <summary>What the next sweep would plan (from now, or at <paramref name="asOf"/>), without writing anything.</summary>
    public Task<ReminderPlan> PreviewAsync(DateTimeOffset? asOf = null, CancellationToken ct = default) =>
        planner.PlanAsync(asOf ?? clock.GetUtcNow(), dryRun: true, ct);

    /// <summary>What the sweep would find due at <paramref name="asOf"/>, each with the delivery already recorded for it, if any.</summary>
    public async Task<SweepPreview> PreviewSweepAsync(DateTimeOffset asOf, CancellationToken ct = default)
    {
        var plan = await planner.PlanAsync(asOf, dryRun: true, ct);
        if (plan.Due.Count == 0)
            return new SweepPreview(asOf, [], plan.Unroutable);
        var days = plan.Due.Select(d => d.PlannedFor).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var existing = (await db.Set<ReminderDelivery>().AsNoTracking().Where(d => days.Contains(d.PlannedFor))
                .Select(d => new { d.Id, d.Recipient, d.Kind, d.SubjectKey, d.PlannedFor, d.Status }).ToListAsync(ct))
            .ToDictionary(d => (d.Recipient, d.Kind, d.SubjectKey, d.PlannedFor));
        var rows = plan.Due.Select(d => existing.TryGetValue((d.Recipient, d.Kind, d.SubjectKey, d.PlannedFor), out var row)
            ? new SweepPreviewRow(d, row.Status, row.Id)
            : new SweepPreviewRow(d, null, null)).ToList();
        return new SweepPreview(asOf, rows, plan.Unroutable);
    }

    /// <summary>When the recurring sweep next runs.</summary>
    public DateTimeOffset NextSweepAt() => SweepSchedule.NextRun(options.Value.SweepInterval, clock.GetUtcNow());

    /// <summary>The next time the morning reminders go (08:00 London by default), after now.</summary>
    public DateTimeOffset NextMorningAt()
    {
        var now = clock.GetUtcNow();
        var today = London.Today(clock);
        var at = London.ToInstant(today, options.Value.SendAt);
        return at > now ? at : London.ToInstant(today.AddDays(1), options.Value.SendAt);
    }

    public ReminderOptions Policy => options.Value;

    public Task<ReminderSweepState?> LastSweepAsync(CancellationToken ct = default) => sweep.LastAsync(ct);

    public Task<bool> IsSweepOverdueAsync(CancellationToken ct = default) => sweep.IsOverdueAsync(ct);
}
