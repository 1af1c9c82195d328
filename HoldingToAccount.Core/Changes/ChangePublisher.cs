using System.Data.Common;
using System.Runtime.CompilerServices;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Reminders.Chasing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HoldingToAccount.Core.Changes;

/// <summary>
/// Tells the <see cref="ChangeNotifier"/> what a save changed, once its transaction has committed — so every writer
/// (pages, the API, jobs, the command line) lights up the live board without having to remember to.
/// </summary>
public sealed class ChangePublisher(ChangeNotifier notifier) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>The entities each save changed; turned into notices at commit, when new rows have their ids.</summary>
    private readonly ConditionalWeakTable<DbContext, List<object>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var changed = db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity)
                .ToList();
            if (changed.Count > 0)
                _pending.GetOrCreateValue(db).AddRange(changed);
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
            Flush(db);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            Flush(db);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
            Flush(db);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            _pending.Remove(db);
        return Task.CompletedTask;
    }

    private void Flush(DbContext db)
    {
        if (_pending.TryGetValue(db, out var changed))
        {
            _pending.Remove(db);
            notifier.Publish(changed.Select(NoticeOf).OfType<ChangeNotice>().Distinct().ToList());
        }
    }

    /// <summary>What live screens hear of a changed entity; nothing for those they do not show.</summary>
    private static ChangeNotice? NoticeOf(object entity) => entity switch
    {
        ActionItem a => new ChangeNotice(ChangeKind.Action, a.Id),
        ActionUpdate u => new ChangeNotice(ChangeKind.ActionUpdate, u.ActionItemId),
        Meeting m => new ChangeNotice(ChangeKind.Meeting, m.Id),
        AgendaItem i => new ChangeNotice(ChangeKind.AgendaItem, i.MeetingId),
        Escalation e => new ChangeNotice(ChangeKind.Action, e.ActionItemId),
        _ => null,
    };
}
