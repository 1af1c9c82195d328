using System.Collections.Concurrent;

namespace HoldingToAccount.Core.Changes;

/// <summary>
/// Which agenda section each meeting's presenter is on. The Run-meeting page (or a chair at the board) sets it, and
/// every board showing that meeting follows. Kept in memory: after a restart the board starts at the top again.
/// Other app instances learn of each move from its notice (<see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class PresenterFocus(ChangeNotifier notifier)
{
    private readonly ConcurrentDictionary<int, string> _sections = new();

    public string? SectionOf(int meetingId) => _sections.TryGetValue(meetingId, out var section) ? section : null;

    public void Set(int meetingId, string section)
    {
        _sections[meetingId] = section;
        notifier.Publish(new ChangeNotice(ChangeKind.Focus, meetingId, section));
    }

    /// <summary>Follows the moves another app instance made, before its screens hear of them.</summary>
    public void FollowElsewhere(IEnumerable<ChangeNotice> notices)
    {
        foreach (var notice in notices.Where(n => n is { Kind: ChangeKind.Focus, Section: not null }))
            _sections[notice.Id] = notice.Section!;
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
}
