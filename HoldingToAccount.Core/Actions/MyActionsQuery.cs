using HoldingToAccount.Core.Access;
using HoldingToAccount.Core.Data;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;
using Microsoft.EntityFrameworkCore;

namespace HoldingToAccount.Core.Actions;

/// <summary>The groups of "My actions", in the order an officer works through them.</summary>
public enum MyActionsGroupKind { DueAtNextMeeting, Overdue, Later, NoMeetingYet }

/// <summary>One of the officer's open actions with the meeting it is due at now (an overdue action is carried to the
/// next meeting of its series) and whether its due point has passed.</summary>
public sealed record MyAction(ActionRow Action, MeetingRef? DueNowAt, bool Overdue);

/// <summary>A group of "My actions"; <see cref="Meeting"/> is the next meeting for <see cref="MyActionsGroupKind.DueAtNextMeeting"/>.</summary>
public sealed record MyActionsGroup(MyActionsGroupKind Kind, MeetingRef? Meeting, IReadOnlyList<MyAction> Actions);

/// <summary>The officer's open actions, grouped, and the role codes that make them theirs.</summary>
public sealed record MyActionsView(IReadOnlyList<string> Roles, IReadOnlyList<MyActionsGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Actions.Count);
}

/// <summary>What a link to one action on "My actions" (the reminder e-mail's <c>?ref=</c>) finds.</summary>
public enum MyActionLinkKind { Yours, ClosedSince, NotYours, NotFound }

/// <summary>The action a link points at, as far as the officer may see it: for a closed or cancelled action, when, by
/// whom and why (its latest status update); for someone else's, only its owners, which the register shows everyone.</summary>
public sealed record MyActionLink(
    MyActionLinkKind Kind,
    string Reference,
    ActionStatus? Status = null,
    DateOnly? On = null,
    string? By = null,
    string? Note = null,
    IReadOnlyList<string>? Owners = null);

/// <summary>
/// The grouping rule of "My actions". Overdue (its due point has passed, <see cref="CarryForward.Overdue"/>) comes
/// before everything else in meaning but is shown after the next meeting's list; otherwise an action is due at the
/// next meeting of its series, at a later one, or at no meeting yet (a date no meeting has been planned for).
/// </summary>
public static class MyActionsGrouping
{
    /// <param name="actions">Each open action with the next meeting of its series (today or later, not cancelled) and whether it is overdue.</param>
    public static IReadOnlyList<MyActionsGroup> Group(IEnumerable<(ActionRow Action, MeetingRef? NextMeeting, bool Overdue)> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var placed = actions.Select(a => Place(a.Action, a.NextMeeting, a.Overdue)).ToList();
        var groups = new List<MyActionsGroup>();
        foreach (var next in placed.Where(p => p.Kind == MyActionsGroupKind.DueAtNextMeeting)
                     .GroupBy(p => p.Card.DueNowAt!.Id).OrderBy(g => g.First().Card.DueNowAt!.Date))
            groups.Add(new MyActionsGroup(MyActionsGroupKind.DueAtNextMeeting, next.First().Card.DueNowAt, ByReference(next.Select(p => p.Card))));
        Add(MyActionsGroupKind.Overdue, cards => cards.OrderBy(c => DuePoint(c.Action)).ThenBy(c => c.Action.Year).ThenBy(c => c.Action.Sequence));
        Add(MyActionsGroupKind.Later, cards => cards.OrderBy(c => c.DueNowAt!.Date).ThenBy(c => c.Action.Year).ThenBy(c => c.Action.Sequence));
        Add(MyActionsGroupKind.NoMeetingYet, cards => cards.OrderBy(c => DuePoint(c.Action)).ThenBy(c => c.Action.Year).ThenBy(c => c.Action.Sequence));
        return groups;

        void Add(MyActionsGroupKind kind, Func<IEnumerable<MyAction>, IEnumerable<MyAction>> order)
        {
            var cards = placed.Where(p => p.Kind == kind).Select(p => p.Card).ToList();
            if (cards.Count > 0)
                groups.Add(new MyActionsGroup(kind, null, order(cards).ToList()));
        }
    }

    public static (MyActionsGroupKind Kind, MyAction Card) Place(ActionRow action, MeetingRef? nextMeeting, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (overdue)
            return (MyActionsGroupKind.Overdue, new MyAction(action, nextMeeting, true));
        if (action.DueMeeting is not { } due)
            return (MyActionsGroupKind.NoMeetingYet, new MyAction(action, null, false));
        return (due.Id == nextMeeting?.Id ? MyActionsGroupKind.DueAtNextMeeting : MyActionsGroupKind.Later, new MyAction(action, due, false));
    }

    private static DateOnly DuePoint(ActionRow action) => action.DueMeeting?.Date ?? action.DueDate ?? DateOnly.MaxValue;

    private static List<MyAction> ByReference(IEnumerable<MyAction> cards) =>
        cards.OrderBy(c => c.Action.Year).ThenBy(c => c.Action.Sequence).ToList();
}

public sealed partial class ActionService
{
    /// <summary>"My actions": the open actions owned by a role the actor's person holds today (or acts for), grouped by <see cref="MyActionsGrouping"/>.</summary>
    public async Task<MyActionsView> MyActionsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var today = London.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var roles = await RolesHeldAsync(db, actor, today, ct);
        var mine = OpenOwnedBy(db, roles);
        var rows = await RowsAsync(db, mine, Tomorrow(), ct);
        var seriesOf = await mine.Select(a => new { a.Id, a.SeriesId }).ToDictionaryAsync(a => a.Id, a => a.SeriesId, ct);
        var overdue = (await mine.Where(CarryForward.Overdue(db.Meetings, today)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var seriesIds = seriesOf.Values.Distinct().ToList();
        var upcoming = await db.Meetings
            .Where(m => seriesIds.Contains(m.SeriesId) && m.Status != MeetingStatus.Cancelled && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new { m.SeriesId, Meeting = new MeetingRef(m.Id, m.Title, m.Date) })
            .ToListAsync(ct);
        var nextBySeries = upcoming.GroupBy(m => m.SeriesId).ToDictionary(g => g.Key, g => g.First().Meeting);
        var groups = MyActionsGrouping.Group(rows.Select(r => (r, nextBySeries.GetValueOrDefault(seriesOf[r.Id]), overdue.Contains(r.Id))));
        return new MyActionsView(roles.Distinct().Order(StringComparer.Ordinal).ToList(), groups);
    }

    /// <summary>What a "My actions" link to <paramref name="reference"/> (2017/03 or 2017-03) finds for this actor.</summary>
    public async Task<MyActionLink> MyActionLinkAsync(Actor actor, string reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await GetAsync(reference, ct) is not { } detail)
            return new MyActionLink(MyActionLinkKind.NotFound, reference);
        var action = detail.Action;
        List<string> roles;
        await using (var db = await factory.CreateDbContextAsync(ct))
            roles = await RolesHeldAsync(db, actor, London.Today(clock), ct);
        if (!action.Owners.Intersect(roles).Any())
            return new MyActionLink(MyActionLinkKind.NotYours, action.Reference, Owners: action.Owners);
        if (action.Status.IsOpen())
            return new MyActionLink(MyActionLinkKind.Yours, action.Reference, action.Status);
        var decision = detail.Updates.LastOrDefault(u => u.NewStatus is ActionStatus.Closed or ActionStatus.Cancelled);
        return new MyActionLink(MyActionLinkKind.ClosedSince, action.Reference, action.Status,
            decision?.Date ?? action.ClosedOn, decision?.Author, decision?.Text, action.Owners);
    }

    /// <summary>The open actions owned by any of <paramref name="roles"/>: an officer's own.</summary>
    private static IQueryable<ActionItem> OpenOwnedBy(AppDbContext db, List<string> roles) =>
        db.Actions.Where(ActionItem.Open).Where(a => a.Owners.Any(o => roles.Contains(o.Code)));

    /// <summary>The role codes whose actions are the actor's: those their person holds today and those they act for.</summary>
    private static async Task<List<string>> RolesHeldAsync(AppDbContext db, Actor actor, DateOnly today, CancellationToken ct)
    {
        var roles = (actor.ActsFor ?? []).Select(RoleCodes.Normalise).ToList();
        if (actor.PersonId is { } personId)
            roles.AddRange(await db.RoleHoldings
                .Where(h => h.PersonId == personId && h.From <= today && (h.To == null || h.To >= today))
                .Select(h => h.Role.Code).ToListAsync(ct));
        return roles;
    }
}
