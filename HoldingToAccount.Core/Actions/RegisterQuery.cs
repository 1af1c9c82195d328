using System.Linq.Expressions;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Core.Actions;

/// <summary>The register's columns that can be sorted on the server.</summary>
public enum RegisterSort { Reference, Raised, Due, TimesCarried, Status }

/// <summary>
/// What the register page asks for: filters (all optional, combined with "and"), a sort and a page.
/// <see cref="MinTimesCarried"/> keeps actions carried at least that many times; <see cref="OverdueOnly"/> keeps open
/// actions whose due point has passed.
/// </summary>
public sealed record RegisterQuery(
    string? Owner = null,
    ActionStatus? Status = null,
    int? SeriesId = null,
    DateOnly? RaisedFrom = null,
    DateOnly? RaisedTo = null,
    int? DueMeetingId = null,
    string? Text = null,
    int? MinTimesCarried = null,
    bool OverdueOnly = false,
    bool OpenOnly = false,
    ActionKind? Kind = null,
    RegisterSort Sort = RegisterSort.Reference,
    bool Descending = true);

/// <summary>Open actions per owner role, as the home page counts them.</summary>
public sealed record OwnerCounts(string Owner, int Outstanding, int Overdue, int CarriedTwiceOrMore);

/// <summary>
/// Pieces of <see cref="CarryForward.ToRowCore"/> as expressions of their own, so the register can filter and sort on
/// "times carried" and "bound due meeting" with exactly the rule the rows show — lifted out of that expression, never
/// written a second time.
/// </summary>
public static class CarryForwardParts
{
    public static Expression<Func<ActionItem, int>> TimesCarried(IQueryable<Meeting> meetings, DateOnly before) =>
        Part<int>(meetings, before, nameof(ActionRowCore.TimesCarried));

    public static Expression<Func<ActionItem, int?>> BoundDueMeetingId(IQueryable<Meeting> meetings, DateOnly before) =>
        Part<int?>(meetings, before, nameof(ActionRowCore.DueMeetingId));

    private static Expression<Func<ActionItem, T>> Part<T>(IQueryable<Meeting> meetings, DateOnly before, string name)
    {
        var row = CarryForward.ToRowCore(meetings, before);
        var body = (NewExpression)row.Body;
        var parameters = body.Constructor!.GetParameters();
        var index = Array.FindIndex(parameters, p => p.Name == name);
        if (index < 0)
            throw new InvalidOperationException($"{nameof(ActionRowCore)} has no {name}.");
        return Expression.Lambda<Func<ActionItem, T>>(body.Arguments[index], row.Parameters);
    }
}
