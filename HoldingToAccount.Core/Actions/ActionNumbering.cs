using HoldingToAccount.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>
/// Gives new actions their reference YYYY/NN: the year of the meeting that raised them and the next number of that
/// year. It holds <see cref="DatabaseLock.ActionNumbering"/> for the current transaction, so two writers (new actions,
/// imports, demo or synthetic data, on any app instance) never take the same number.
/// </summary>
public sealed class ActionNumbering
{
    private readonly AppDbContext _db;
    private readonly Dictionary<int, int> _last = [];

    private ActionNumbering(AppDbContext db) => _db = db;

    /// <summary>Takes the numbering lock for the transaction <paramref name="db"/> has begun (taking it again in the same
    /// transaction is harmless).</summary>
    public static async Task<ActionNumbering> HoldAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.LockAsync(DatabaseLock.ActionNumbering, ct);
        return new ActionNumbering(db);
    }

    /// <summary>The last number given in <paramref name="year"/>, 0 when none yet.</summary>
    public async Task<int> LastAsync(int year, CancellationToken ct = default)
    {
        if (!_last.TryGetValue(year, out var last))
            _last[year] = last = await _db.Actions.Where(a => a.Year == year).MaxAsync(a => (int?)a.Sequence, ct) ?? 0;
        return last;
    }

    /// <summary>Sets the action's year from <paramref name="raisedOn"/> and gives it the next number of that year.</summary>
    public async Task NumberAsync(ActionItem action, DateOnly raisedOn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var next = await LastAsync(raisedOn.Year, ct) + 1;
        _last[raisedOn.Year] = next;
        action.Year = raisedOn.Year;
        action.Sequence = next;
    }
}
