using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Reminders.Replies;

public sealed record InboundReplyRow(int Id, string From, string? Subject, DateTime ProcessedAtUtc, InboundOutcome Outcome, string Detail);

/// <summary>What the Outbox shows of updating by e-mail: whether it is on, how the last read went, the latest replies.</summary>
public sealed record InboundMailboxSnapshot(bool On, string? ReplyAddress, string? Mailbox, DateTime? LastRunUtc, DateTime? LastSuccessUtc,
    string? LastError, IReadOnlyList<InboundReplyRow> Latest);

public sealed class InboundMailboxStatus(IDbContextFactory<AppDbContext> factory, IOptions<InboundOptions> options)
{
    public async Task<InboundMailboxSnapshot> GetAsync(int latest = 10, CancellationToken ct = default)
    {
        var settings = options.Value;
        await using var db = await factory.CreateDbContextAsync(ct);
        var state = await db.Set<InboundMailboxState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == InboundMailboxState.SingletonId, ct);
        var rows = await db.Set<InboundReply>().AsNoTracking()
            .OrderByDescending(r => r.ProcessedAtUtc).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(latest, 1, 100))
            .Select(r => new InboundReplyRow(r.Id, r.From, r.Subject, r.ProcessedAtUtc, r.Outcome, r.Detail))
            .ToListAsync(ct);
        return new InboundMailboxSnapshot(settings.IsOn, settings.ReplyAddress,
            settings.IsOn ? $"{settings.Imap.User} on {settings.Imap.Host}:{settings.Imap.EffectivePort}, folder {settings.Imap.Folder}" : null,
            state?.LastRunUtc, state?.LastSuccessUtc, state?.LastError, rows);
    }
}
