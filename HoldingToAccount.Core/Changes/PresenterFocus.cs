using System.Collections.Concurrent;

namespace HoldingToAccount.Core.Changes;

/// <summary>
/// Where the chair is in one meeting: the agenda section on the boards, the action now being discussed (shown large),
/// and the page of actions the chair turned to (none: the boards page through by themselves).
/// </summary>
public sealed record Presenting(string Section, int? ActionId = null, int? Page = null)
{
    /// <summary>When the chair came to this item (the section, or the action now discussing): the board's item timer
    /// counts from here. Turning a page stays on the same item.</summary>
    public DateTimeOffset Since { get; init; }

    public bool IsSameItemAs(Presenting? other) => other is not null && other.Section == Section && other.ActionId == ActionId;
}

/// <summary>
/// Where each meeting's presenter is. The Run-meeting page (or a chair at the board) sets it, and every board showing
/// that meeting follows. Kept in memory: after a restart the board starts at the top again with nothing in focus.
/// Other app instances learn of each move from its notice (<see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class PresenterFocus(ChangeNotifier notifier, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, Presenting> _meetings = new();

    public Presenting? Of(int meetingId) => _meetings.TryGetValue(meetingId, out var presenting) ? presenting : null;

    public string? SectionOf(int meetingId) => Of(meetingId)?.Section;

    /// <summary>Moves to another section: nothing in focus there yet, and its actions page by themselves.</summary>
    public void Set(int meetingId, string section) => Move(meetingId, new Presenting(section));

    /// <summary>
    /// Puts one action in focus on the boards (null: none). The boards show the section the action belongs to; the
    /// section recorded here is kept for when the focus is cleared.
    /// </summary>
    public void Discuss(int meetingId, int? actionId) => Move(meetingId, new Presenting(SectionOf(meetingId) ?? "", actionId));

    /// <summary>Turns every board of the meeting to one page of the section's actions (null: back to paging by themselves).</summary>
    public void TurnTo(int meetingId, string section, int? page)
    {
        var now = Of(meetingId);
        Move(meetingId, new Presenting(section, now?.Section == section ? now.ActionId : null, page));
    }

    /// <summary>Follows the moves another app instance made, before its screens hear of them.</summary>
    public void FollowElsewhere(IEnumerable<ChangeNotice> notices)
    {
        foreach (var notice in notices.Where(n => n is { Kind: ChangeKind.Focus, Section: not null }))
            _meetings[notice.Id] = Timed(notice.Id, new Presenting(notice.Section!, notice.ActionId, notice.Page));
    }

    /// <summary>Moves to the next (or previous) of <paramref name="sections"/>; stays put at either end.</summary>
    public string Step(int meetingId, IReadOnlyList<string> sections, int by)
    {
        if (sections.Count == 0)
            return "";
        var at = SectionOf(meetingId) is { } current ? Math.Max(0, sections.ToList().IndexOf(current)) : 0;
        var next = sections[Math.Clamp(at + by, 0, sections.Count - 1)];
        Set(meetingId, next);
        return next;
    }

    private void Move(int meetingId, Presenting presenting)
    {
        _meetings[meetingId] = presenting = Timed(meetingId, presenting);
        notifier.Publish(new ChangeNotice(ChangeKind.Focus, meetingId, presenting.Section, presenting.ActionId, presenting.Page));
    }

    /// <summary>The move with its start: kept from before when the chair stays on the same item.</summary>
    private Presenting Timed(int meetingId, Presenting presenting) =>
        presenting with { Since = presenting.IsSameItemAs(Of(meetingId)) ? Of(meetingId)!.Since : clock.GetUtcNow() };
}
