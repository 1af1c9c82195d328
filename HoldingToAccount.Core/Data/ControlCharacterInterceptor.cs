using HoldingToAccount.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HoldingToAccount.Core.Data;

/// <summary>
/// Applies <see cref="ControlCharacters"/> to every text a save adds or changes, whichever way it came in (pages, API,
/// import, command line, demo data), so it never reaches an export, an e-mail, the board or the audit trail.
/// Registered before the audit interceptor, which records the values as stored.
/// </summary>
public sealed class ControlCharacterInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Strip(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Strip(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Strip(DbContext? db)
    {
        if (db is null)
            return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is AuditEntry)
                continue;
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && ControlCharacters.Present(text))
                    property.CurrentValue = ControlCharacters.Strip(text);
            }
        }
    }
}
