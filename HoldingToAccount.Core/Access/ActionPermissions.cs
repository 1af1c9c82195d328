using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Access;

/// <summary>
/// Who may do what to an action. Officers update and propose completion only on actions owned by a role their person
/// holds today (or a role a staff officer acts for); the chair and secretariat run the meeting; viewers read.
/// Enforced here so the pages, the API and the jobs share one rule.
/// </summary>
public static class ActionPermissions
{
    public static async Task<bool> CanUpdateAsync(AppDbContext db, Actor actor, int actionId, DateOnly today, CancellationToken ct)
    {
        if (actor.May(Permission.RunMeetings))
            return true;
        if (!actor.May(Permission.UpdateActions))
            return false;
        var owners = await db.Actions.Where(a => a.Id == actionId).SelectMany(a => a.Owners.Select(o => o.Code)).ToListAsync(ct);
        var actsFor = (actor.ActsFor ?? []).Select(RoleCodes.Normalise).ToList();
        if (owners.Intersect(actsFor).Any())
            return true;
        return actor.PersonId is { } personId && await db.RoleHoldings.AnyAsync(h =>
            h.PersonId == personId && owners.Contains(h.Role.Code) && h.From <= today && (h.To == null || h.To >= today), ct);
    }

    public static void Demand(Actor actor, Permission permission, string doing)
    {
        if (!actor.May(permission))
            throw new ForbiddenException($"Only the {AccessRules.Describe(permission)} can {doing}.");
    }
}
