using HoldingToAccount.Core.Access;

namespace HoldingToAccount.Core.Changes;

/// <summary>
/// Which meeting the room displays show. The chair or secretariat chooses one from its Run page, for every display or
/// for one; a display with nothing chosen shows the next meeting by date. Kept in memory like
/// <see cref="PresenterFocus"/>: a choice lasts the meeting, and after a restart every display shows the next meeting
/// again. Other app instances learn of each choice from its notice (<see cref="PostgresChangeListener"/>).
/// </summary>
public sealed class RoomScreen(ChangeNotifier notifier)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _byDisplay = [];
    private int? _everywhere;

    /// <summary>The meeting chosen for the display, or null for "the next meeting by date".</summary>
    public int? MeetingFor(int displayId)
    {
        lock (_gate)
            return _byDisplay.TryGetValue(displayId, out var meetingId) ? meetingId : _everywhere;
    }

    /// <summary>The meeting chosen for every display that has no choice of its own, or null.</summary>
    public int? MeetingEverywhere
    {
        get
        {
            lock (_gate)
                return _everywhere;
        }
    }

    /// <summary>Every meeting some display has been told to show.</summary>
    public IReadOnlyList<int> ChosenMeetings()
    {
        lock (_gate)
            return _byDisplay.Values.Concat(_everywhere is { } m ? [m] : []).Distinct().ToList();
    }

    /// <summary>Shows <paramref name="meetingId"/> (null: the next meeting by date) on one display, or on every display.</summary>
    public void Show(int? meetingId, int? displayId, Actor actor)
    {
        ActionPermissions.Demand(actor, Permission.RunMeetings, "choose what the room screen shows");
        Apply(meetingId, displayId);
        notifier.Publish(new ChangeNotice(ChangeKind.RoomScreen, meetingId ?? 0, Display: displayId));
    }

    /// <summary>Follows the choices made on another app instance, before its screens hear of them.</summary>
    public void FollowElsewhere(IEnumerable<ChangeNotice> notices)
    {
        foreach (var notice in notices.Where(n => n.Kind == ChangeKind.RoomScreen))
            Apply(notice.Id == 0 ? null : notice.Id, notice.Display);
    }

    private void Apply(int? meetingId, int? displayId)
    {
        lock (_gate)
        {
            if (displayId is { } display)
            {
                if (meetingId is { } m)
                    _byDisplay[display] = m;
                else
                    _byDisplay.Remove(display);
            }
            else
            {
                // A choice for every display replaces the choices made for single ones.
                _byDisplay.Clear();
                _everywhere = meetingId;
            }
        }
    }
}
