using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.People;

public sealed record RoleHolderRow(string RoleCode, string RoleTitle, int PersonId, string PersonName, string? Email, bool Temporary, DateOnly From, DateOnly? To);

public sealed record PersonRow(int Id, string Name, string? Email, bool Active);

public sealed partial class PeopleService(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    /// <summary>Who held each of the roles on the day asked about. A vacant role is simply absent.</summary>
    public async Task<IReadOnlyList<RoleHolderRow>> HoldersOnAsync(DateOnly day, IReadOnlyCollection<string>? roleCodes = null, CancellationToken ct = default)
    {
        var codes = roleCodes?.Select(RoleCodes.Normalise).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.RoleHoldings
            .Where(h => h.From <= day && (h.To == null || h.To >= day) && (codes == null || codes.Contains(h.Role.Code)))
            .OrderBy(h => h.Role.Code).ThenBy(h => h.From)
            .Select(h => new RoleHolderRow(h.Role.Code, h.Role.Title, h.PersonId, h.Person.Name, h.Person.Email, h.Temporary, h.From, h.To))
            .ToListAsync(ct);
    }

    /// <summary>A person by id, e-mail or exact name (case-insensitive), or null.</summary>
    public async Task<PersonRow?> FindPersonAsync(string idEmailOrName, CancellationToken ct = default)
    {
        var key = idEmailOrName.Trim();
        var id = int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        var lower = key.ToLowerInvariant();
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.People
            .Where(p => p.Id == id || (p.Email != null && p.Email.ToLower() == lower) || p.Name.ToLower() == lower)
            .Select(p => new PersonRow(p.Id, p.Name, p.Email, p.Active))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<RoleHolderRow?> HolderOnAsync(string roleCode, DateOnly day, CancellationToken ct = default) =>
        (await HoldersOnAsync(day, [roleCode], ct)).FirstOrDefault();
}
