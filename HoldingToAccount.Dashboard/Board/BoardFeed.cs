using HoldingToAccount.Core;
using HoldingToAccount.Core.Changes;
using HoldingToAccount.Core.Meetings;

namespace HoldingToAccount.Dashboard.Board;

/// <summary>What every board shows: the meeting in progress (or the next one), read once per change and shared.</summary>
public sealed record BoardSnapshot(MeetingDetail? Meeting, DateTimeOffset ReadAt, string Announcement);

/// <summary>
/// One reader for all the screens: on a change that concerns the board's meeting it re-reads the meeting once and
/// hands the same snapshot to every board, so ten screens cost one query, not ten. Boards subscribe and must dispose
/// their subscription when their circuit ends.
/// </summary>
public sealed class BoardFeed : IDisposable
{
    private readonly MeetingService _meetings;
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly Lock _gate = new();
    private Func<BoardSnapshot, IReadOnlyList<ChangeNotice>, Task>[] _boards = [];
    private BoardSnapshot? _snapshot;
    private DateOnly _readFor;

    public BoardFeed(MeetingService meetings, ChangeNotifier notifier, TimeProvider clock)
    {
        _meetings = meetings;
        _clock = clock;
        _subscription = notifier.Subscribe(OnChangesAsync);
    }

    public int BoardCount => Volatile.Read(ref _boards).Length;

    /// <summary>The current snapshot, read now if there is none yet or the day has turned.</summary>
    public async Task<BoardSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        var snapshot = _snapshot;
        return snapshot is not null && _readFor == London.Today(_clock) ? snapshot : await ReadAsync("", ct);
    }

    public IDisposable Subscribe(Func<BoardSnapshot, IReadOnlyList<ChangeNotice>, Task> board)
    {
        lock (_gate)
            _boards = [.. _boards, board];
        return new Subscription(() =>
        {
            lock (_gate)
                _boards = _boards.Where(b => b != board).ToArray();
        });
    }

    private async Task OnChangesAsync(IReadOnlyList<ChangeNotice> notices)
    {
        var boards = Volatile.Read(ref _boards);
        if (boards.Length == 0)
        {
            _snapshot = null;
            return;
        }
        var shown = _snapshot?.Meeting;
        var snapshot = _snapshot;
        if (snapshot is null || notices.Any(n => NeedsReading(shown, n)))
            snapshot = await ReadAsync(Describe(notices), CancellationToken.None);
        else if (!notices.Any(n => n.Kind == ChangeKind.Access || (n.Kind == ChangeKind.Focus && n.Id == shown?.Meeting.Id)))
            return;
        await Task.WhenAll(boards.Select(board => board(snapshot with { Announcement = Describe(notices) }, notices)));
    }

    private async Task<BoardSnapshot> ReadAsync(string announcement, CancellationToken ct)
    {
        await _reading.WaitAsync(ct);
        try
        {
            var today = London.Today(_clock);
            var next = await _meetings.NextAsync(today, ct: ct);
            var meeting = next is null ? null : await _meetings.GetAsync(next.Id, ct);
            _readFor = today;
            return _snapshot = new BoardSnapshot(meeting, _clock.GetUtcNow(), announcement);
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

    private static string Describe(IReadOnlyList<ChangeNotice> notices) =>
        notices.Any(n => n.Kind == ChangeKind.Focus) ? "The presenter moved to another item." : "The board has been updated.";

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
