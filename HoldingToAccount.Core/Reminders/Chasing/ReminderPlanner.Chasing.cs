using HoldingToAccount.Core.Reminders.Chasing;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Reminders;

/// <summary>One message the secretariat or the sweep asks for now: about one action, to the holders of
/// <paramref name="RoleCodes"/> on the day (the secretariat in place of a vacant one), and to the secretariat as well
/// when <paramref name="AlsoSecretariat"/>.</summary>
internal sealed record ReminderRequest(
    ReminderKind Kind, int ActionId, int? MeetingId, IReadOnlyList<string> RoleCodes, bool AlsoSecretariat, string About);

/// <summary>
/// Chases and escalations go to people by the digests' own rule: the holder of a role on the day, or the secretariat
/// for a vacant role; they are recorded in the same delivery table, under the same unique key.
/// </summary>
public sealed partial class ReminderPlanner
{
    /// <summary>Who each request goes to on <paramref name="day"/>; nothing is written.</summary>
    internal async Task<(IReadOnlyList<PlannedReminder> Due, IReadOnlyList<string> Unroutable)> RecipientsAsync(
        IReadOnlyList<ReminderRequest> requests, DateOnly day, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var context = new PlanContext(this, db, London.ToInstant(day, Policy.SendAt));
        await AddRequestsAsync(context, requests, day, ct);
        var due = context.Due.Values.Select(d => d.ToPlanned())
            .OrderBy(p => p.Recipient, StringComparer.Ordinal).ThenBy(p => p.SubjectKey, StringComparer.Ordinal)
            .ToList();
        return (due, context.Unroutable);
    }

    /// <summary>Writes the rows not there yet; returns every row's id and the ids it created.</summary>
    internal Task<(List<int> Ids, List<int> Created)> RecordNowAsync(IReadOnlyList<PlannedReminder> due, CancellationToken ct) =>
        RecordAsync(due.ToList(), ct);

    private static async Task AddRequestsAsync(PlanContext context, IReadOnlyList<ReminderRequest> requests, DateOnly day, CancellationToken ct)
    {
        foreach (var request in requests)
        {
            var subject = ReminderDelivery.SubjectOfAction(request.ActionId);
            await context.AddAsync(request.Kind, subject, request.MeetingId, request.ActionId, day, request.RoleCodes.ToList(), request.About, ct);
            if (!request.AlsoSecretariat)
                continue;
            foreach (var person in await context.SecretariatAsync(day, ct))
                context.Add(request.Kind, subject, request.MeetingId, request.ActionId, day, person, [], [], request.About);
        }
    }

    /// <summary>The escalations of the sweep: thresholds newly crossed are recorded (once each, by the table's unique
    /// key), and today's escalations are planned to each owner's line and the secretariat.</summary>
    private async Task PlanEscalationsAsync(PlanContext context, DateOnly today, bool dryRun, CancellationToken ct)
    {
        if (!Policy.Escalation.Enabled)
            return;
        var escalations = new EscalationRules(factory, Policy.Escalation, clock);
        var requests = await escalations.RecordAndListAsync(today, dryRun, ct);
        await AddRequestsAsync(context, requests, today, ct);
    }

    /// <summary>Each new escalation row says why, in words, for the Outbox and the message.</summary>
    private async Task NoteEscalationsAsync(List<int> created, CancellationToken ct)
    {
        if (created.Count == 0)
            return;
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<ReminderDelivery>().Where(d => created.Contains(d.Id) && d.Kind == ReminderKind.Escalation).ToListAsync(ct);
        var actionIds = rows.Select(r => r.ActionItemId).OfType<int>().Distinct().ToList();
        var days = rows.Select(r => r.PlannedFor).Distinct().ToList();
        // One read for the whole sweep, not one per action: a first sweep over a large register escalates thousands.
        var escalations = (await db.Set<Escalation>().AsNoTracking()
                .Where(e => actionIds.Contains(e.ActionItemId) && days.Contains(e.EscalatedOn)).ToListAsync(ct))
            .ToLookup(e => (e.ActionItemId, e.EscalatedOn));
        foreach (var row in rows)
            if (row.ActionItemId is { } actionId)
                row.Note = EscalationText.Reasons(escalations[(actionId, row.PlannedFor)]);
        await db.SaveChangesAsync(ct);
    }
}
