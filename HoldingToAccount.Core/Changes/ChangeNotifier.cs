using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HoldingToAccount.Core.Changes;

public enum ChangeKind { Action, ActionUpdate, Meeting, AgendaItem, Focus, Access, RoomScreen }

/// <summary>
/// Something changed and committed: its kind and id (for an update, the action's id; for an agenda item or the
/// presenter's focus, the meeting's). A focus notice also names the section now shown, the action now discussed and
/// the page the chair turned to. A room-screen notice names the meeting now chosen (0: the next meeting by date) and
/// the display it was chosen for (none: every display).
/// </summary>
public sealed record ChangeNotice(ChangeKind Kind, int Id, string? Section = null, int? ActionId = null, int? Page = null, int? Display = null);

/// <summary>
/// One per process: tells live screens that something committed. Publishing never waits for subscribers — notices
/// go through a channel and are delivered on a background loop — so a save is as fast with fifty screens open as
/// with none, and a subscriber that throws cannot break another or the save. With a <see cref="IChangeRelay"/>
/// (several app instances on one PostgreSQL database) what is published here is also passed to the other instances.
/// </summary>
public sealed class ChangeNotifier : IDisposable
{
    private sealed record Batch(IReadOnlyList<ChangeNotice> Notices, bool FromHere);

    private readonly Channel<Batch> _queue = Channel.CreateUnbounded<Batch>(new() { SingleReader = true });
    private readonly ILogger<ChangeNotifier> _logger;
    private readonly IChangeRelay? _relay;
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private Func<IReadOnlyList<ChangeNotice>, Task>[] _subscribers = [];

    public ChangeNotifier(ILogger<ChangeNotifier> logger, IChangeRelay? relay = null)
    {
        _logger = logger;
        _relay = relay;
        _loop = Task.Run(DeliverAsync);
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public void Publish(IReadOnlyList<ChangeNotice> notices)
    {
        if (notices.Count > 0)
            _queue.Writer.TryWrite(new Batch(notices, FromHere: true));
    }

    public void Publish(ChangeNotice notice) => Publish([notice]);

    /// <summary>Notices another app instance published: delivered to this instance's screens, not passed on again.</summary>
    public void PublishFromElsewhere(IReadOnlyList<ChangeNotice> notices)
    {
        if (notices.Count > 0)
            _queue.Writer.TryWrite(new Batch(notices, FromHere: false));
    }

    /// <summary>Subscribes; dispose the result to unsubscribe (components do it in Dispose).</summary>
    public IDisposable Subscribe(Func<IReadOnlyList<ChangeNotice>, Task> handler)
    {
        lock (_gate)
            _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    private void Unsubscribe(Func<IReadOnlyList<ChangeNotice>, Task> handler)
    {
        lock (_gate)
            _subscribers = _subscribers.Where(s => s != handler).ToArray();
    }

    private async Task DeliverAsync()
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync())
        {
            var deliveries = Volatile.Read(ref _subscribers).Select(subscriber => DeliverOneAsync(subscriber, batch.Notices));
            if (batch.FromHere && _relay is not null)
                deliveries = deliveries.Append(RelayAsync(batch.Notices));
            await Task.WhenAll(deliveries);
        }
    }

    private async Task RelayAsync(IReadOnlyList<ChangeNotice> notices)
    {
        try
        {
            await _relay!.SendAsync(notices);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not pass a change notice to the other app instances; their screens catch up on their next change");
        }
    }

    private async Task DeliverOneAsync(Func<IReadOnlyList<ChangeNotice>, Task> subscriber, IReadOnlyList<ChangeNotice> notices)
    {
        try
        {
            await subscriber(notices);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A live screen failed to take a change notice");
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }

    private sealed class Subscription(ChangeNotifier notifier, Func<IReadOnlyList<ChangeNotice>, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                notifier.Unsubscribe(handler);
        }
    }
}
