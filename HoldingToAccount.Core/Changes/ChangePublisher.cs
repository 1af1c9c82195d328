using System.Data.Common;
using System.Runtime.CompilerServices;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HoldingToAccount.Core.Changes;

/// <summary>
/// Tells the <see cref="ChangeNotifier"/> what a save changed, once its transaction has committed — so every writer
/// (pages, the API, jobs, the command line) lights up the live board without having to remember to.
/// </summary>
public sealed class ChangePublisher(ChangeNotifier notifier) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<ChangeNotice>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var notices = db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity switch
                {
                    ActionItem a => new ChangeNotice(ChangeKind.Action, Math.Max(0, a.Id)),
                    ActionUpdate u => new ChangeNotice(ChangeKind.ActionUpdate, Math.Max(0, u.ActionItemId)),
                    Meeting m => new ChangeNotice(ChangeKind.Meeting, Math.Max(0, m.Id)),
                    AgendaItem i => new ChangeNotice(ChangeKind.AgendaItem, Math.Max(0, i.MeetingId)),
                    _ => null,
                })
                .OfType<ChangeNotice>().Distinct().ToList();
            if (notices.Count > 0)
                _pending.GetOrCreateValue(db).AddRange(notices);
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
        if (_pending.TryGetValue(db, out var notices))
        {
            _pending.Remove(db);
            notifier.Publish(notices.Distinct().ToList());
        }
    }
}
