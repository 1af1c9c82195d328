using System.Data.Common;
using System.Text.Json;
using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace HoldingToAccount.Core.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every row a save adds, changes or deletes, in the same transaction as the
/// change, each chained to the one before by hash. Works for any DbContext on the app's database (the register and
/// the sign-in store alike), which is why it writes with SQL rather than through a mapped entity.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private sealed record Pending(EntityEntry Entry, string Change, string? Before);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, SaveState> _saves = [];

    private sealed class SaveState
    {
        public required List<Pending> Changes { get; init; }
        public bool OwnsTransaction { get; init; }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || _saves.TryGetValue(db, out _))
            return result;
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not (AuditEntry or INotAudited) && !e.Metadata.IsOwned())
            .Select(e => new Pending(e, e.State.ToString(), e.State == EntityState.Added ? null : Serialise(e, original: true)))
            .ToList();
        if (changes.Count == 0)
            return result;

        // One audited save at a time, so each entry chains to the one truly before it: the database sees to that, for
        // every process — SQLite lets one write transaction in at a time, PostgreSQL takes DatabaseLock.AuditChain.
        var owns = db.Database.CurrentTransaction is null;
        if (owns)
            await db.Database.BeginTransactionAsync(cancellationToken);
        _saves.AddOrUpdate(db, new SaveState { Changes = changes, OwnsTransaction = owns });
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !_saves.TryGetValue(db, out var state))
            return result;
        try
        {
            await WriteEntriesAsync(db, state.Changes, cancellationToken);
            if (state.OwnsTransaction)
                await db.Database.CommitTransactionAsync(cancellationToken);
        }
        catch
        {
            if (state.OwnsTransaction)
                await db.Database.RollbackTransactionAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            Finish(db);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !_saves.TryGetValue(db, out var state))
            return;
        if (state.OwnsTransaction && db.Database.CurrentTransaction is not null)
            await db.Database.RollbackTransactionAsync(CancellationToken.None);
        Finish(db);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context?.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) == true
            ? throw new InvalidOperationException("Changes are saved with SaveChangesAsync so that they are audited.")
            : result;

    private void Finish(DbContext db) => _saves.Remove(db);

    private async Task WriteEntriesAsync(DbContext db, List<Pending> changes, CancellationToken ct)
    {
        var who = (db as IHasActor)?.ActorName ?? "system";
        var now = clock.GetUtcNow().UtcDateTime;
        var at = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        // Until commit: no other save reads the last hash while ours follows it unseen.
        await db.Database.LockAsync(DatabaseLock.AuditChain, ct);
        var previous = (await db.Database.SqlQueryRaw<string>("SELECT \"Hash\" AS \"Value\" FROM \"AuditEntries\" ORDER BY \"Id\" DESC LIMIT 1")
            .ToListAsync(ct)).SingleOrDefault();
        // One prepared statement for the whole save: a save of thousands of rows (an imported log) writes thousands of
        // entries, and preparing each one afresh costs more than the rows themselves.
        await using var insert = InsertCommand(db);
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                AtUtc = at,
                Who = who,
                EntityType = change.Entry.Metadata.HasSharedClrType ? change.Entry.Metadata.Name : change.Entry.Metadata.ClrType.Name,
                EntityId = KeyOf(change.Entry),
                Change = change.Change,
                Before = change.Before,
                After = change.Change == nameof(EntityState.Deleted) ? null : Serialise(change.Entry, original: false),
                PreviousHash = previous,
            };
            entry.Hash = AuditChain.HashOf(entry);
            previous = entry.Hash;
            object?[] values = [entry.AtUtc, entry.Who, entry.EntityType, entry.EntityId, entry.Change, entry.Before, entry.After, entry.PreviousHash, entry.Hash];
            for (var i = 0; i < values.Length; i++)
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static readonly string[] Columns = ["AtUtc", "Who", "EntityType", "EntityId", "Change", "Before", "After", "PreviousHash", "Hash"];

    /// <summary>The entry's INSERT on the save's own connection and transaction. The texts are typed (a null needs a
    /// type); the time is typed by its value, a UTC time, as each provider stores one.</summary>
    private static DbCommand InsertCommand(DbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var names = Columns.Select((_, i) => $"@p{i}").ToList();
        command.CommandText = $"INSERT INTO \"AuditEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", names)})";
        for (var i = 0; i < Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            if (i > 0)
                parameter.DbType = System.Data.DbType.String;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()) ?? []);

    /// <summary>Property values as JSON; secrets (password and token hashes, security stamps) are never copied into the trail.</summary>
    private static string Serialise(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            values[name] = IsSecret(name) ? "(hidden)" : original ? property.OriginalValue : property.CurrentValue;
        }
        return JsonSerializer.Serialize(values, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static bool IsSecret(string name) =>
        name.Contains("PasswordHash", StringComparison.Ordinal) || name.Contains("SecurityStamp", StringComparison.Ordinal)
        || name.Contains("ConcurrencyStamp", StringComparison.Ordinal) || name.Equals("TokenHash", StringComparison.Ordinal);
}

/// <summary>Bookkeeping the product keeps for itself (e-mail delivery state), not a record anyone changes.</summary>
public interface INotAudited;

/// <summary>A context that knows who is making its changes, for the audit trail.</summary>
public interface IHasActor
{
    string ActorName { get; }
}
