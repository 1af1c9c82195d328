using System.Collections.Concurrent;
using HoldingToAccount.Core;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.Observability;
using HoldingToAccount.Core.People;
using HoldingToAccount.Core.Reminders.Chasing;

namespace HoldingToAccount.Dashboard.Board;

/// <summary>
/// What a board shows: a meeting (the one chosen for its display, or the next by date) with, for each owner role,
/// who holds it today, and the flags of its escalated actions.
/// </summary>
public sealed record BoardSnapshot(
    MeetingDetail? Meeting, IReadOnlyDictionary<string, string> Holders, IReadOnlyDictionary<int, EscalationFlag> Escalations,
    DateTimeOffset ReadAt, string Announcement);

/// <summary>
/// One reader for all the screens: on a change that concerns a meeting on display it re-reads that meeting (with its
/// owners' holders and escalation flags) once and hands the same snapshot to every board showing it, so ten screens
/// cost one read, not ten, and a board's render reads nothing. Boards subscribe with
/// their display and must dispose their subscription when their circuit ends.
/// </summary>
public sealed class BoardFeed : IDisposable
{
    /// <summary>The key of "the next meeting by date", which a display shows when no meeting is chosen for it.</summary>
    private const int NextMeeting = 0;

    private sealed record Board(int DisplayId, Func<BoardSnapshot, IReadOnlyList<ChangeNotice>, Task> Show);

    private readonly MeetingService _meetings;
    private readonly PeopleService _people;
    private readonly ChaseService _chasing;
    private readonly RoomScreen _roomScreen;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, (BoardSnapshot Snapshot, DateOnly ReadFor)> _snapshots = new();
    private Board[] _boards = [];

    public BoardFeed(MeetingService meetings, PeopleService people, ChaseService chasing, RoomScreen roomScreen, ChangeNotifier notifier, TimeProvider clock)
    {
        _chasing = chasing;
        _meetings = meetings;
        _people = people;
        _roomScreen = roomScreen;
        _clock = clock;
        _subscription = notifier.Subscribe(OnChangesAsync);
    }

    public int BoardCount => Volatile.Read(ref _boards).Length;

    /// <summary>What the display shows now, read now if there is no snapshot of it yet or the day has turned.</summary>
    public async Task<BoardSnapshot> CurrentAsync(int displayId, CancellationToken ct = default)
    {
        var key = KeyFor(displayId);
        return _snapshots.TryGetValue(key, out var held) && held.ReadFor == London.Today(_clock) ? held.Snapshot : await ReadAsync(key, "", ct);
    }

    public IDisposable Subscribe(int displayId, Func<BoardSnapshot, IReadOnlyList<ChangeNotice>, Task> show)
    {
        var board = new Board(displayId, show);
        lock (_gate)
            _boards = [.. _boards, board];
        return new Subscription(() =>
        {
            lock (_gate)
                _boards = _boards.Where(b => b != board).ToArray();
        });
    }

    private int KeyFor(int displayId) => _roomScreen.MeetingFor(displayId) ?? NextMeeting;

    private async Task OnChangesAsync(IReadOnlyList<ChangeNotice> notices)
    {
        var boards = Volatile.Read(ref _boards);
        var onDisplay = boards.GroupBy(b => KeyFor(b.DisplayId)).ToList();
        foreach (var unseen in _snapshots.Keys.Except(onDisplay.Select(g => g.Key)))
            _snapshots.TryRemove(unseen, out _);
        if (boards.Length == 0)
            return;

        var announcement = Describe(notices);
        var deliveries = new List<Task>();
        foreach (var group in onDisplay)
        {
            var held = _snapshots.TryGetValue(group.Key, out var h) ? h.Snapshot : null;
            var reread = held is null || notices.Any(n => NeedsReading(held.Meeting, n));
            var snapshot = reread ? await ReadAsync(group.Key, announcement, CancellationToken.None) : held!;
            foreach (var board in group.Where(b => reread || Concerns(snapshot.Meeting, notices)))
                deliveries.Add(board.Show(snapshot with { Announcement = announcement }, notices));
        }
        await Task.WhenAll(deliveries);
    }

    private async Task<BoardSnapshot> ReadAsync(int key, string announcement, CancellationToken ct)
    {
        await _reading.WaitAsync(ct);
        try
        {
            var today = London.Today(_clock);
            var id = key == NextMeeting ? (await _meetings.NextAsync(today, ct: ct))?.Id : key;
            var meeting = id is { } meetingId ? await _meetings.GetAsync(meetingId, ct) : null;
            var actions = meeting is null ? [] : meeting.BroughtForward.Concat(meeting.ActionsArising).ToList();
            var owners = actions.SelectMany(a => a.Owners).Distinct().ToList();
            var holders = owners.Count == 0
                ? new Dictionary<string, string>()
                : (await _people.HoldersOnAsync(today, owners, ct)).GroupBy(h => h.RoleCode).ToDictionary(g => g.Key, g => string.Join(" and ", g.Select(h => h.PersonName)));
            var escalations = actions.Count == 0
                ? new Dictionary<int, EscalationFlag>()
                : await _chasing.EscalationsAsync(actions.Select(a => a.Id).Distinct().ToList(), ct);
            var snapshot = new BoardSnapshot(meeting, holders, escalations, _clock.GetUtcNow(), announcement);
            _snapshots[key] = (snapshot, today);
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>
    /// Actions and their updates can appear anywhere on the board, and any meeting change may change which meeting it
    /// shows; agenda items only matter if they are this meeting's.
    /// </summary>
    private static bool NeedsReading(MeetingDetail? shown, ChangeNotice notice) => notice.Kind switch
    {
        ChangeKind.Action or ChangeKind.ActionUpdate or ChangeKind.Meeting => true,
        ChangeKind.AgendaItem => shown is null || notice.Id == shown.Meeting.Id,
        _ => false,
    };

    /// <summary>Notices a board must hear even when its meeting did not change: its link, its presenter, its meeting choice.</summary>
    private static bool Concerns(MeetingDetail? shown, IReadOnlyList<ChangeNotice> notices) =>
        notices.Any(n => n.Kind is ChangeKind.Access or ChangeKind.RoomScreen || (n.Kind == ChangeKind.Focus && n.Id == shown?.Meeting.Id));

    private static string Describe(IReadOnlyList<ChangeNotice> notices) =>
        notices.Any(n => n.Kind == ChangeKind.RoomScreen) ? "The room screen now shows another meeting."
        : notices.Any(n => n.Kind == ChangeKind.Focus) ? "The presenter moved on."
        : "The board has been updated.";

    public void Dispose() => _subscription.Dispose();

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                unsubscribe();
        }
    }
}
