using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Reminders.Chasing;

/// <summary>
/// Which open actions have slipped past a threshold: carried forward <see cref="EscalationOptions.CarriedTimes"/> times
/// (<see cref="CarryForward.TimesCarried"/>, as the register counts it) or overdue by
/// <see cref="EscalationOptions.OverdueDays"/> days (<see cref="CarryForward.Overdue"/>, the register's overdue rule,
/// asked that many days ago). Each threshold is recorded once per action; the escalation goes to the line of each
/// owning role (<see cref="People.Role.LineRole"/>) and to the secretariat.
/// </summary>
internal sealed class EscalationRules(IDbContextFactory<AppDbContext> factory, EscalationOptions policy, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReminderRequest>> RecordAndListAsync(DateOnly today, bool dryRun, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var crossed = await CrossedAsync(db, today, ct);
        var ids = crossed.Select(c => c.ActionItemId).Distinct().ToList();
        var known = await db.Set<Escalation>().Where(e => ids.Contains(e.ActionItemId))
            .Select(e => new { e.ActionItemId, e.Reason, e.Threshold }).ToListAsync(ct);
        var escalated = known.Select(k => (k.ActionItemId, k.Reason, k.Threshold)).ToHashSet();
        var fresh = crossed.Where(c => !escalated.Contains((c.ActionItemId, c.Reason, c.Threshold))).ToList();
        if (!dryRun)
            await RecordAsync(fresh, ct);

        var todays = await db.Set<Escalation>().AsNoTracking().Where(e => e.EscalatedOn == today).ToListAsync(ct);
        if (dryRun)
            todays.AddRange(fresh);
        return await RequestsAsync(db, todays, ct);
    }

    /// <summary>Every open action past a threshold today, whether escalated before or not.</summary>
    private async Task<List<Escalation>> CrossedAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Counted in memory from the series' meetings, as the register counts it: in the database it is a count of
        // meetings per action, seconds at tens of thousands.
        var carried = (await CarryForward.Timeline.TimesCarriedAsync(db, db.Actions.Where(ActionItem.Open), today.AddDays(1), ct))
            .Where(c => c.TimesCarried >= policy.CarriedTimes).Select(c => c.Action.Id).ToList();
        var overdue = await db.Actions.Where(CarryForward.Overdue(db.Meetings, today.AddDays(-policy.OverdueDays)))
            .Select(a => a.Id).ToListAsync(ct);
        return carried.Select(id => New(id, EscalationReason.Carried, policy.CarriedTimes))
            .Concat(overdue.Select(id => New(id, EscalationReason.Overdue, policy.OverdueDays)))
            .ToList();

        Escalation New(int id, EscalationReason reason, int threshold) =>
            new() { ActionItemId = id, Reason = reason, Threshold = threshold, EscalatedOn = today, CreatedAtUtc = now };
    }

    private async Task RecordAsync(List<Escalation> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0)
            return;
        await using (var all = await factory.CreateDbContextAsync(ct))
        {
            all.Set<Escalation>().AddRange(fresh);
            try
            {
                await all.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                // Nothing of it was kept (one transaction): a sweep alongside recorded some first. Record the rest one by one.
                foreach (var escalation in fresh)
                    escalation.Id = 0;
            }
        }
        foreach (var escalation in fresh)
        {
            // One at a time: a sweep running alongside may record the same one, and the unique key refuses the second.
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Set<Escalation>().Add(escalation);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
            }
        }
    }

    private static async Task<IReadOnlyList<ReminderRequest>> RequestsAsync(AppDbContext db, List<Escalation> todays, CancellationToken ct)
    {
        if (todays.Count == 0)
            return [];
        var ids = todays.Select(e => e.ActionItemId).Distinct().ToList();
        var actions = await db.Actions.Where(ActionItem.Open).Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.Year).ThenBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Year, a.Sequence, Lines = a.Owners.Where(o => o.LineRole != null).Select(o => o.LineRole!.Code).ToList() })
            .ToListAsync(ct);
        var reasons = todays.ToLookup(e => e.ActionItemId);
        return actions.Select(a => new ReminderRequest(
                ReminderKind.Escalation, a.Id, null,
                a.Lines.Select(RoleCodes.Normalise).Distinct().ToList(),
                AlsoSecretariat: true,
                $"Action {ActionReference.Format(a.Year, a.Sequence)} escalated: {EscalationText.Reasons(reasons[a.Id])}"))
            .ToList();
    }
}

/// <summary>How an escalation is put in words, in the e-mail, the Outbox and the flag on the register and the board.</summary>
public static class EscalationText
{
    public static string Reason(EscalationReason reason, int threshold) => reason switch
    {
        EscalationReason.Carried => $"carried {threshold}\u00d7",
        _ => $"overdue {threshold}+ days",
    };

    public static string Reasons(IEnumerable<Escalation> escalations) =>
        string.Join(" and ", escalations.OrderBy(e => e.Reason).ThenBy(e => e.Threshold).Select(e => Reason(e.Reason, e.Threshold)).Distinct());

    /// <summary>The flag: "escalated: carried 3×" with the times carried as they are now, or the overdue threshold crossed.</summary>
    public static string Flag(EscalationFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var parts = new List<string>();
        if (flag.Carried)
            parts.Add($"carried {flag.TimesCarried}\u00d7");
        if (flag.OverdueDays is { } days)
            parts.Add($"overdue {days}+ days");
        return "escalated: " + string.Join(", ", parts);
    }
}

/// <summary>An open action that has been escalated: for having been carried (and how often it now has), for being overdue, or both.</summary>
public sealed record EscalationFlag(int ActionId, bool Carried, int TimesCarried, int? OverdueDays, DateOnly Since)
{
    public string Text => EscalationText.Flag(this);
}
