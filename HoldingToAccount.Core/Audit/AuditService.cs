using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Audit;

public sealed record AuditRow(long Id, DateTime AtUtc, string Who, string EntityType, string EntityId, string Change, string? Before, string? After);

/// <param name="ActionReference">An action ("2017/01"): its own changes, its owners and its updates.</param>
/// <param name="MeetingId">A meeting: its own changes, its agenda, attendance and the updates recorded at it.</param>
public sealed record AuditFilter(string? EntityType = null, string? Who = null, DateOnly? From = null, DateOnly? To = null,
    string? ActionReference = null, int? MeetingId = null);

/// <summary>Reads the audit trail; nothing here (or anywhere) edits or deletes it.</summary>
public sealed partial class AuditService(IDbContextFactory<AppDbContext> factory)
{
    public async Task<Page<AuditRow>> FindAsync(AuditFilter filter, Actor actor, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        ActionPermissions.Demand(actor, Permission.Administer, "read the audit trail");
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .Select(e => new AuditRow(e.Id, e.AtUtc, e.Who, e.EntityType, e.EntityId, e.Change, e.Before, e.After))
            .ToListAsync(ct);
        return new Page<AuditRow>(rows, total);
    }

    /// <summary>The trail as sentences, newest first; the entries of one save that change one action's owners read as one line.</summary>
    public async Task<Page<AuditLine>> FindLinesAsync(AuditFilter filter, Actor actor, int skip = 0, int take = 50, CancellationToken ct = default)
    {
        var page = await FindAsync(filter, actor, skip, take, ct);
        return new Page<AuditLine>(await LinesAsync(page.Items, ct), page.Total);
    }

    /// <summary>Sentences for <paramref name="rows"/> (in the order given), with today's names for the ids they hold.</summary>
    public async Task<IReadOnlyList<AuditLine>> LinesAsync(IReadOnlyList<AuditRow> rows, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, MentionedIds(rows), ct);
        var lines = new List<AuditLine>();
        foreach (var group in OwnerGroups(rows))
        {
            if (OwnersActionId(group[0]) is not { } actionId)
            {
                lines.AddRange(group.Select(r => new AuditLine(AuditSentences.Describe(r, names), [r])));
                continue;
            }
            var after = await OwnersAfterAsync(db, actionId, group.Max(r => r.Id), names, ct);
            var before = after.Except(Codes(group, "Added", names)).Union(Codes(group, "Deleted", names)).Order(StringComparer.Ordinal).ToList();
            var reference = names.Actions.GetValueOrDefault(actionId, $"action #{actionId}");
            lines.Add(new AuditLine(AuditSentences.OwnersChanged(group[0].Who, group[0].AtUtc, reference, before, after), group));
        }
        return lines;
    }

    private const string OwnersType = "ActionOwners";

    /// <summary>Runs of rows, each either one entry or the owner entries one save wrote for one action.</summary>
    private static IEnumerable<List<AuditRow>> OwnerGroups(IReadOnlyList<AuditRow> rows)
    {
        List<AuditRow>? run = null;
        foreach (var row in rows)
        {
            if (run is not null && row.EntityType == OwnersType && run[0].EntityType == OwnersType
                && row.AtUtc == run[0].AtUtc && row.Who == run[0].Who && OwnersActionId(row) == OwnersActionId(run[0]))
            {
                run.Add(row);
                continue;
            }
            if (run is not null)
                yield return run;
            run = [row];
        }
        if (run is not null)
            yield return run;
    }

    private static int? OwnersActionId(AuditRow row) =>
        row.EntityType == OwnersType && int.TryParse(row.EntityId.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private static IEnumerable<string> Codes(IEnumerable<AuditRow> rows, string change, AuditNames names) =>
        rows.Where(r => r.Change == change).Select(r => r.EntityId.Split(',').ElementAtOrDefault(1))
            .Select(id => int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var roleId) ? names.Roles.GetValueOrDefault(roleId, $"role #{roleId}") : "?");

    /// <summary>The action's owners as they stood after entry <paramref name="upTo"/>, replayed from the trail.</summary>
    private static async Task<List<string>> OwnersAfterAsync(AppDbContext db, int actionId, long upTo, AuditNames names, CancellationToken ct)
    {
        var prefix = actionId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == OwnersType && e.EntityId.StartsWith(prefix) && e.Id <= upTo)
            .OrderBy(e => e.Id).Select(e => new { e.EntityId, e.Change }).ToListAsync(ct);
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var code = int.TryParse(entry.EntityId.Split(',').ElementAtOrDefault(1), System.Globalization.CultureInfo.InvariantCulture, out var roleId)
                ? names.Roles.GetValueOrDefault(roleId, $"role #{roleId}") : "?";
            if (entry.Change == "Deleted")
                owners.Remove(code);
            else
                owners.Add(code);
        }
        return owners.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every number the rows hold as an id (their keys, and each <c>"…Id": n</c> of their values): the actions a
    /// page of the trail can name are among them, so a page reads those, not the whole register.</summary>
    private static List<int> MentionedIds(IReadOnlyList<AuditRow> rows) =>
        rows.SelectMany(r => r.EntityId.Split(',').Concat(MentionedId().Matches($"{r.Before} {r.After}").Select(m => m.Groups["id"].Value)))
            .Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();

    [System.Text.RegularExpressions.GeneratedRegex("\"\\w*Id\":(?<id>\\d+)", Grammar.TextPatterns.Options, Grammar.TextPatterns.TimeoutMs)]
    private static partial System.Text.RegularExpressions.Regex MentionedId();

    private static async Task<AuditNames> NamesAsync(AppDbContext db, List<int> actionIds, CancellationToken ct)
    {
        var actions = await db.Actions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).Select(a => new { a.Id, a.Year, a.Sequence }).ToListAsync(ct);
        return new AuditNames(
            actions.ToDictionary(a => a.Id, a => ActionReference.Format(a.Year, a.Sequence)),
            await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, ct),
            await db.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Title, ct),
            await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct),
            await db.Series.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct),
            await SignInNamesAsync(db, "SELECT \"Id\" AS \"Key\", COALESCE(\"DisplayName\", \"Email\", \"UserName\") AS \"Name\" FROM \"AspNetUsers\"", ct),
            await SignInNamesAsync(db, "SELECT \"Id\" AS \"Key\", \"Name\" AS \"Name\" FROM \"AspNetRoles\"", ct));
    }

    private sealed record KeyName(string Key, string? Name);

    /// <summary>Names from the sign-in store, which shares the database but not this context; none where it is absent.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> SignInNamesAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        try
        {
            var rows = await db.Database.SqlQueryRaw<KeyName>(sql).ToListAsync(ct);
            return rows.Where(r => r.Name is not null).ToDictionary(r => r.Key, r => r.Name!);
        }
        catch (System.Data.Common.DbException)
        {
            return new Dictionary<string, string>();
        }
    }

    private static async Task<IQueryable<AuditEntry>> FilteredAsync(AppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.ActionReference))
        {
            if (!Actions.ActionReference.TryParse(filter.ActionReference.Trim(), out var year, out var sequence))
                throw new DomainException($"“{filter.ActionReference.Trim()}” is not an action reference; write it as 2017/01.");
            var actionId = await db.Actions.Where(a => a.Year == year && a.Sequence == sequence).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct) ?? -1;
            var id = actionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (owner, update1, update2) = (id + ",", $"\"ActionItemId\":{id},", $"\"ActionItemId\":{id}}}");
            query = query.Where(e => (e.EntityType == "ActionItem" && e.EntityId == id)
                || (e.EntityType == OwnersType && e.EntityId.StartsWith(owner))
                || (e.EntityType == "ActionUpdate" && ((e.After ?? e.Before)!.Contains(update1) || (e.After ?? e.Before)!.Contains(update2))));
        }
        if (filter.MeetingId is { } meetingId)
        {
            var id = meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (of1, of2) = ($"\"MeetingId\":{id},", $"\"MeetingId\":{id}}}");
            query = query.Where(e => (e.EntityType == "Meeting" && e.EntityId == id)
                || ((e.EntityType == "AgendaItem" || e.EntityType == "MeetingAttendee" || e.EntityType == "ActionUpdate")
                    && ((e.After ?? e.Before)!.Contains(of1) || (e.After ?? e.Before)!.Contains(of2))));
        }
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
        return query;
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
