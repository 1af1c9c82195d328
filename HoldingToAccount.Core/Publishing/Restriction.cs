using System.Linq.Expressions;
using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Publishing;

/// <summary>
/// Who may read what the secretariat has marked restricted, and what everyone else reads instead. Those in the room
/// and those who answer for the actions (<see cref="Permission.ReadRestricted"/>: secretariat, chair, officers) read
/// everything. A viewer reads what the public notes show (<see cref="PublicRecord.ShownAction"/>): a restricted agenda
/// item is left out altogether, questions, findings and all, as are the actions that are restricted or raised under a
/// restricted item — from lists, counts and exports alike — and a restricted action's own address is "not found",
/// exactly like one that does not exist. Every reading surface (pages, the API, exports, Insights) asks here.
/// A null reader is the product itself (jobs, reminders to owners, the command line), which reads everything.
/// </summary>
public static class Restriction
{
    public static bool ReadsRestricted(Actor? reader) => reader is null || reader.May(Permission.ReadRestricted);

    /// <summary>The actions <paramref name="reader"/> may see; the query untouched for those who read everything.</summary>
    public static IQueryable<ActionItem> VisibleTo(this IQueryable<ActionItem> actions, Actor? reader) =>
        ReadsRestricted(reader) ? actions : actions.Where(PublicRecord.ShownAction);

    /// <summary>The agenda items <paramref name="reader"/> may see.</summary>
    public static IEnumerable<AgendaItem> VisibleTo(this IEnumerable<AgendaItem> items, Actor? reader) =>
        ReadsRestricted(reader) ? items : items.Where(i => !i.Restricted);
}
