using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoldingToAccount.Core.Import.ActionLog;

/// <summary>
/// Brings an office's action-log spreadsheet into the register: reads it (<see cref="Read"/>), reads it against a
/// column mapping (<see cref="Parse"/>), shows what committing would do (<see cref="ReviewAsync"/>, nothing kept) and
/// commits it in one transaction (<see cref="CommitAsync"/>). Importing the same log again updates the actions it
/// created instead of adding them twice. Secretariat only.
/// </summary>
public sealed class ActionLogImportService(IDbContextFactory<AppDbContext> factory, TimeProvider clock, IOptions<ActionLogOptions> options)
{
    private const string _doing = "import an action log";

    public static ActionLogSource Read(string fileName, byte[] content) => ActionLogReader.Read(fileName, content);

    public ActionLogDraft Parse(ActionLogSource source, IReadOnlyList<LogField>? fields = null) =>
        ActionLogParser.Parse(source, fields, options.Value.Rag);

    public async Task<ActionLogReview> ReviewAsync(ActionLogDraft draft, ActionLogCorrections corrections, Actor actor, CancellationToken ct = default)
    {
        Admit(draft, corrections, actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var writer = new ActionLogWriter(db, draft, corrections, actor, clock);
        await writer.PlanAsync(ct);
        await tx.RollbackAsync(ct);
        var roles = await db.Roles.OrderBy(r => r.Code).Select(r => new RoleOption(r.Code, r.Title)).ToListAsync(ct);
        return new ActionLogReview(writer.Series.Id, writer.Series.Name, writer.Rows, writer.MeetingsToCreate, writer.UnknownOwners.ToList(), roles, writer.Problems);
    }

    /// <summary>Commits the log in one transaction, or throws <see cref="ImportRefusedException"/> listing every problem and writes nothing.</summary>
    public async Task<ActionLogResult> CommitAsync(ActionLogDraft draft, ActionLogCorrections corrections, Actor actor, CancellationToken ct = default)
    {
        Admit(draft, corrections, actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var writer = new ActionLogWriter(db, draft, corrections, actor, clock);
        await writer.PlanAsync(ct);
        var result = await writer.ApplyAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    private static void Admit(ActionLogDraft draft, ActionLogCorrections corrections, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(actor);
        ActionPermissions.Demand(actor, Permission.Administer, _doing);
    }
}
