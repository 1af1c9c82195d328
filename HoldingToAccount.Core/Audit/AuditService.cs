using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Audit;

public sealed record AuditRow(long Id, DateTime AtUtc, string Who, string EntityType, string EntityId, string Change, string? Before, string? After);

public sealed record AuditFilter(string? EntityType = null, string? Who = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>Reads the audit trail; nothing here (or anywhere) edits or deletes it.</summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> factory)
{
    public async Task<Page<AuditRow>> FindAsync(AuditFilter filter, Actor actor, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "read the audit trail");
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
            query = query.Where(e => e.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.Who))
        {
            var who = filter.Who.Trim().ToLowerInvariant();
            query = query.Where(e => e.Who.ToLower().Contains(who));
        }
        if (filter.From is { } from)
        {
            var start = London.ToInstant(from, TimeOnly.MinValue).UtcDateTime;
            query = query.Where(e => e.AtUtc >= start);
        }
        if (filter.To is { } to)
        {
            var end = London.ToInstant(to.AddDays(1), TimeOnly.MinValue).UtcDateTime;
            query = query.Where(e => e.AtUtc < end);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .Select(e => new AuditRow(e.Id, e.AtUtc, e.Who, e.EntityType, e.EntityId, e.Change, e.Before, e.After))
            .ToListAsync(ct);
        return new Page<AuditRow>(rows, total);
    }

    /// <summary>The history of one record, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> ForEntityAsync(string entityType, string entityId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.AtUtc, e.Who, e.EntityType, e.EntityId, e.Change, e.Before, e.After))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<AuditVerification> VerifyAsync(Actor actor, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "verify the audit trail");
        await using var db = await factory.CreateDbContextAsync(ct);
        return await AuditChain.VerifyAsync(db, ct);
    }

    /// <summary>The fields whose value differs between before and after, for a readable summary.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Differences(AuditRow row)
    {
        var before = Parse(row.Before);
        var after = Parse(row.After);
        return before.Keys.Union(after.Keys)
            .Select(k => (k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(d => d.Item2 != d.Item3)
            .OrderBy(d => d.k, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : p.Value.ToString());
    }
}
