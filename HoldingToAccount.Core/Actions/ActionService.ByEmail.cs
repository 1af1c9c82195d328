using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>One update read from an e-mailed reply: the action it names, its words, and whether it proposes completion.</summary>
public sealed record EmailedUpdate(string Reference, string Text, bool ProposesCompletion);

/// <summary>Why one update of a reply could not be recorded, in words the sender is sent.</summary>
public sealed record EmailedUpdateProblem(string Reference, string Problem);

public sealed partial class ActionService
{
    /// <summary>
    /// Records the updates of one e-mailed reply by the same rule as the app's "post an update", all or none: when any
    /// of them cannot be recorded nothing is saved and every problem is returned. <paramref name="alongside"/> adds the
    /// rows that must be saved in the same transaction (the reply's own record), so a reply is applied exactly once.
    /// </summary>
    public async Task<IReadOnlyList<EmailedUpdateProblem>> AddEmailedUpdatesAsync(IReadOnlyList<EmailedUpdate> updates, Actor actor,
        Action<AppDbContext> alongside, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(alongside);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddEmailedUpdatesOnceAsync(updates, actor, alongside, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < AppendAttempts)
            {
                // Someone changed one of the actions meanwhile; a reply asks for no particular version, so apply it again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), ct);
            }
        }
    }

    private async Task<IReadOnlyList<EmailedUpdateProblem>> AddEmailedUpdatesOnceAsync(IReadOnlyList<EmailedUpdate> updates, Actor actor,
        Action<AppDbContext> alongside, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ActorName = actor.Name;
        var problems = new List<EmailedUpdateProblem>();
        foreach (var update in updates)
        {
            try
            {
                if (!ActionReference.TryParse(update.Reference, out var year, out var sequence))
                    throw new NotFoundException($"\"{update.Reference}\" is not an action reference (they look like 2017/03).");
                var action = await db.Actions.Include(a => a.Owners).SingleOrDefaultAsync(a => a.Year == year && a.Sequence == sequence, ct)
                    ?? throw new NotFoundException($"There is no action {ActionReference.Format(year, sequence)}.");
                await db.ActionPeriods.Where(p => p.ActionItemId == action.Id).OrderByDescending(p => p.Id).Take(1).LoadAsync(ct);
                await ApplyUpdateAsync(db, action, update.Text, update.ProposesCompletion ? ActionStatus.ProposedComplete : null, actor, null,
                    UpdateChannel.Email, ct);
                action.Version++;
            }
            catch (Exception ex) when (ex is DomainException or ForbiddenException or NotFoundException)
            {
                problems.Add(new EmailedUpdateProblem(update.Reference, ex.Message));
            }
        }
        if (problems.Count > 0)
            return problems;
        alongside(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }
}
