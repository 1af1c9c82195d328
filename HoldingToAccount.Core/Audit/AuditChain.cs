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
        string? previous = null;
        var count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.PreviousHash != previous || entry.Hash != HashOf(entry))
                return new AuditVerification(false, count, entry.Id, $"Audit entry {entry.Id} does not match the chain: the trail has been altered at or before it.");
            previous = entry.Hash;
        }
        return new AuditVerification(true, count, null, $"All {count} audit entries are intact.");
    }
}
