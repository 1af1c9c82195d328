using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Audit;

public sealed record AuditVerification(bool Intact, int Checked, long? FirstBrokenId, string Message);

public static class AuditChain
{
    public static string HashOf(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.PreviousHash ?? "", e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), e.Who, e.EntityType, e.EntityId, e.Change, e.Before ?? "", e.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the trail in order: each entry must hash to what it says and point at the entry before it.</summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        string? previous = null;
        var count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (Broken(entry, previous))
                return BrokenAt(entry, count);
            previous = entry.Hash;
        }
        return Intact(count);
    }

    /// <summary>The same walk over entries held elsewhere (a handover archive), given in id order.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        string? previous = null;
        var count = 0;
        foreach (var entry in entries)
        {
            count++;
            if (Broken(entry, previous))
                return BrokenAt(entry, count);
            previous = entry.Hash;
        }
        return Intact(count);
    }

    private static bool Broken(AuditEntry entry, string? previous) => entry.PreviousHash != previous || entry.Hash != HashOf(entry);

    private static AuditVerification BrokenAt(AuditEntry entry, int count) =>
        new(false, count, entry.Id, $"Audit entry {entry.Id} does not match the chain: the trail has been altered at or before it.");

    private static AuditVerification Intact(int count) => new(true, count, null, $"All {count} audit entries are intact.");
}
