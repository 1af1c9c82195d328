using HoldingToAccount.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.People;

/// <summary>The role hierarchy: the role each answers to, where its slipping actions are escalated.</summary>
public sealed partial class PeopleService
{
    /// <summary>Each role's line, by code ("ACC" → "CC"); roles without one are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LinesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Roles.Where(r => r.LineRole != null)
            .Select(r => new { r.Code, Line = r.LineRole!.Code })
            .ToDictionaryAsync(r => r.Code, r => r.Line, ct);
    }

    /// <summary>Sets the role <paramref name="roleCode"/> answers to, or none; a role cannot answer to itself or to one below it.</summary>
    public async Task SetLineAsync(string roleCode, string? lineCode, Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "change whom a role answers to");
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var code = RoleCodes.Normalise(roleCode);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Code == code, ct) ?? throw new NotFoundException($"There is no role {code}.");
        if (string.IsNullOrWhiteSpace(lineCode))
        {
            role.LineRoleId = null;
            await db.SaveChangesAsync(ct);
            return;
        }
        var line = RoleCodes.Normalise(lineCode);
        var lineRole = await db.Roles.SingleOrDefaultAsync(r => r.Code == line, ct) ?? throw new DomainException($"There is no role {line}.");
        var lines = await db.Roles.Where(r => r.LineRoleId != null).ToDictionaryAsync(r => r.Id, r => r.LineRoleId!.Value, ct);
        for (int? above = lineRole.Id; above is { } id; above = lines.TryGetValue(id, out var next) ? next : null)
        {
            if (id == role.Id)
                throw new DomainException(line == code
                    ? $"{code} cannot answer to itself."
                    : $"{code} cannot answer to {line}: {line} already answers to {code}, directly or through another role.");
        }
        role.LineRoleId = lineRole.Id;
        await db.SaveChangesAsync(ct);
    }
}
