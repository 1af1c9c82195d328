using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HoldingToAccount.Core.Changes;

public enum ChangeKind { Action, ActionUpdate, Meeting, AgendaItem, Focus, Access }

/// <summary>Something changed and committed: its kind and id (for an update, the action's id).</summary>
public sealed record ChangeNotice(ChangeKind Kind, int Id);

/// <summary>
/// One per process: tells live screens that something committed. Publishing never waits for subscribers — notices
/// go through a channel and are delivered on a background loop — so a save is as fast with fifty screens open as
/// with none, and a subscriber that throws cannot break another or the save.
/// </summary>
public sealed class ChangeNotifier : IDisposable
{
    private readonly Channel<IReadOnlyList<ChangeNotice>> _queue = Channel.CreateUnbounded<IReadOnlyList<ChangeNotice>>(new() { SingleReader = true });
    private readonly ILogger<ChangeNotifier> _logger;
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private Func<IReadOnlyList<ChangeNotice>, Task>[] _subscribers = [];

    public ChangeNotifier(ILogger<ChangeNotifier> logger)
    {
        _logger = logger;
        _loop = Task.Run(DeliverAsync);
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public void Publish(IReadOnlyList<ChangeNotice> notices)
    {
        if (notices.Count > 0)
            _queue.Writer.TryWrite(notices);
    }

    public void Publish(ChangeNotice notice) => Publish([notice]);

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
        await foreach (var notices in _queue.Reader.ReadAllAsync())
            await Task.WhenAll(Volatile.Read(ref _subscribers).Select(subscriber => DeliverOneAsync(subscriber, notices)));
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
