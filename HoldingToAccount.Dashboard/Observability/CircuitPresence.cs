using HoldingToAccount.Core.Observability;

namespace HoldingToAccount.Dashboard.Observability;

/// <summary>
/// Whether this circuit's browser is connected, and whether it shows a room-screen board, counted into
/// <c>hta.circuits.open</c> and <c>hta.boards.live</c>. A session counts while its browser is connected: a closed tab
/// drops its connection at once, while the circuit itself may be kept for minutes in case the browser comes back, so
/// counting circuits alone would tell an operator that a room screen switched off is still up.
/// </summary>
public sealed class CircuitPresence(AppMetrics metrics)
{
    private readonly Lock _gate = new();
    private bool _connected;
    private int _boards;

    internal void Connected(bool connected)
    {
        lock (_gate)
        {
            if (_connected == connected)
                return;
            _connected = connected;
            var change = connected ? 1 : -1;
            metrics.CircuitsOpen(change);
            metrics.BoardsLive(change * _boards);
        }
    }

    /// <summary>Counts a board as live while it follows the register in a connected browser; disposing stops both.</summary>
    public IDisposable Following(IDisposable subscription)
    {
        Board(+1);
        return new Follow(this, subscription);
    }

    private void Board(int change)
    {
        lock (_gate)
        {
            _boards += change;
            if (_connected)
                metrics.BoardsLive(change);
        }
    }

    private sealed class Follow(CircuitPresence presence, IDisposable subscription) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            subscription.Dispose();
            presence.Board(-1);
        }
    }
}
