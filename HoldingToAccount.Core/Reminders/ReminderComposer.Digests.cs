using HoldingToAccount.Core.Actions;
using HoldingToAccount.Core.Meetings;
using HoldingToAccount.Core.People;

namespace HoldingToAccount.Core.Reminders;

/// <summary>
/// What a run of sends shares (a sweep's deliveries, sent one after another): each meeting and everything outstanding
/// at it are read once for all of the run's digests about it, and each digest keeps its recipient's share in memory,
/// by the same owner rule the database applies for a digest sent alone. A meeting is read again once its read is
/// older than <see cref="MaxAge"/>, so a long run (a slow mail server) still writes from the register as it stands.
/// Not for two composers at once: a run (<see cref="ReminderSender.SendRunAsync"/>) writes its next delivery while this
/// one is sent and recorded, but only one delivery at a time, and recording reads nothing from the batch.
/// </summary>
public sealed class DigestBatch
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Dictionary<int, MeetingDigests> _meetings = [];

    internal MeetingDigests? Fresh(int meetingId, DateTimeOffset now) =>
        _meetings.TryGetValue(meetingId, out var read) && now - read.ReadAt < MaxAge ? read : null;

    internal void Keep(int meetingId, MeetingDigests read) => _meetings[meetingId] = read;
}

/// <summary>One meeting as a batch read it: the open actions outstanding at it, indexed by owning role, and the
/// calendar entry for each action count a digest has asked for.</summary>
internal sealed class MeetingDigests
{
    private readonly List<ActionRow> _open;
    private readonly Dictionary<string, List<int>> _byOwner = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _calendars = [];

    public MeetingDigests(DateTimeOffset readAt, Meeting? meeting, IReadOnlyList<ActionRow> outstanding)
    {
        ReadAt = readAt;
        Meeting = meeting;
        _open = outstanding.Where(a => a.Status.IsOpen()).ToList();
        for (var i = 0; i < _open.Count; i++)
        {
            foreach (var code in _open[i].Owners)
            {
                if (!_byOwner.TryGetValue(code, out var positions))
                    _byOwner[code] = positions = [];
                positions.Add(i);
            }
        }
    }

    public DateTimeOffset ReadAt { get; }

    public Meeting? Meeting { get; }

    /// <summary>The open actions owned by any of <paramref name="roles"/>, in the register's order: what
    /// <c>ActionService.OutstandingAtAsync(meeting, ownedBy)</c> lists for a digest sent alone.</summary>
    public List<ActionRow> OpenOwnedBy(IReadOnlyList<string> roles)
    {
        var positions = new SortedSet<int>();
        foreach (var code in roles.Select(RoleCodes.Normalise))
        {
            if (_byOwner.TryGetValue(code, out var owned))
                positions.UnionWith(owned);
        }
        return positions.Select(i => _open[i]).ToList();
    }

    public string Calendar(int actionCount, Func<int, string> write)
    {
        if (!_calendars.TryGetValue(actionCount, out var calendar))
            _calendars[actionCount] = calendar = write(actionCount);
        return calendar;
    }
}

public sealed partial class ReminderComposer
{
    private async Task<MeetingDigests?> SharedAsync(DigestBatch batch, int? meetingId, CancellationToken ct)
    {
        if (meetingId is not { } id)
            return null;
        var now = clock.GetUtcNow();
        if (batch.Fresh(id, now) is { } fresh)
            return fresh;
        var meeting = await MeetingAsync(id, ct);
        IReadOnlyList<ActionRow> outstanding = meeting is null || meeting.Status == MeetingStatus.Cancelled
            ? []
            : await actions.OutstandingAtAsync(meeting.Id, ct);
        var read = new MeetingDigests(now, meeting, outstanding);
        batch.Keep(id, read);
        return read;
    }
}
